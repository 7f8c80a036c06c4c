import { type CallOptions, type EndpointResult, nonEmptyText, validateInput } from '@msg/core'
import * as v from 'valibot'
import type { FeishuContext } from '../feishu-context.js'
import { partFilename, postUpload, type UploadBytes, uploadBytesSchema } from './upload.js'

/**
 * The `file_type` values of im/v1 file upload. Send an `opus` upload as `audio`, an `mp4` as `media`
 * and any other as `file`; a file of another format goes up as `stream`.
 * @see https://open.feishu.cn/document/server-docs/im-v1/file/create
 */
export type ImFileType = 'opus' | 'mp4' | 'pdf' | 'doc' | 'xls' | 'ppt' | 'stream'

/**
 * The request of im/v1 file upload: the type, the name shown in chats (with its extension, sent as
 * raw UTF-8), the length of audio or video in milliseconds, and the file, 1 byte to 30 MB.
 * @see https://open.feishu.cn/document/server-docs/im-v1/file/create
 */
export interface ImFileCreateRequest {
  data: { file_type: ImFileType; file_name: string; duration?: number; file: UploadBytes }
}

/**
 * What im/v1 file upload returns in `data`.
 * @see https://open.feishu.cn/document/server-docs/im-v1/file/create
 */
export interface ImFileCreateData {
  file_key: string
}

const fileTypes: ImFileType[] = ['opus', 'mp4', 'pdf', 'doc', 'xls', 'ppt', 'stream']

const requestSchema = v.object({
  data: v.object({
    file_type: v.picklist(fileTypes, `must be one of ${fileTypes.join(', ')}`),
    file_name: v.pipe(
      nonEmptyText,
      // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
      v.check((name) => !/[\u0000-\u001f\u007f]/.test(name), 'must not contain control characters'),
    ),
    duration: v.optional(
      v.pipe(
        v.number('must be a number'),
        v.check((ms) => Number.isInteger(ms) && ms >= 0, 'must be a whole number of milliseconds, 0 or more'),
      ),
    ),
    file: uploadBytesSchema(30),
  }),
})

const dataSchema = v.object({ file_key: nonEmptyText })

/** `POST /open-apis/im/v1/files` (multipart), after checking the request; never resent after an ambiguous failure. */
export function imFileCreate(
  context: FeishuContext,
  request: ImFileCreateRequest,
  options?: CallOptions,
): Promise<EndpointResult<ImFileCreateData>> {
  const { data } = validateInput(requestSchema, request, { vendor: 'feishu', operation: 'im.file.create' })
  return postUpload(
    context,
    {
      operation: 'im.file.create',
      path: '/open-apis/im/v1/files',
      fields: {
        file_type: data.file_type,
        file_name: data.file_name,
        duration: data.duration === undefined ? undefined : String(data.duration),
      },
    },
    { name: 'file', blob: data.file, filename: partFilename(data.file_name) },
    dataSchema,
    options,
  )
}
