import { type CallOptions, describeRequest, invalidInput, ResponseError, randomUuid } from '@msg/core'
import * as v from 'valibot'
import { queryCredentials } from '../fxiaoke-auth.js'
import type { FxiaokeContext } from '../fxiaoke-context.js'
import { readFxiaokeEnvelope } from '../fxiaoke-envelope.js'
import { checkUserId } from '../message/send-batch.js'
import { detectMediaFormat, mediaFormats } from './media-format.js'
import { maxMediaBytes, mediaIdFields } from './media-limits.js'

/**
 * What `media.upload` takes: the image bytes, and the file name Fxiaoke sees (default: a `File`'s own
 * name, else `media.<extension of the detected format>`).
 * @see https://www.fxiaoke.com/mob/guide/openapi/dist/en/pages/open-api/collection/other/creative/upload/
 */
export interface FxiaokeMediaUpload {
  media: Blob | ArrayBuffer | Uint8Array
  fileName?: string
}

/**
 * An uploaded image: its `mediaId` (for `articles[].coverImage`, reusable across sends) and the
 * reply's `traceId`.
 * @see https://www.fxiaoke.com/mob/guide/openapi/dist/en/pages/open-api/collection/other/creative/upload/
 */
export interface FxiaokeMediaUploadResult {
  mediaId: string
  traceId?: string
}

function toBlob(media: unknown): Blob | undefined {
  if (media instanceof Blob) return media
  if (media instanceof ArrayBuffer || media instanceof Uint8Array) return new Blob([media as BlobPart])
  return undefined
}

type Fields = Record<string, unknown> & { data?: Record<string, unknown> }

/** The first of {@link mediaIdFields} present as a non-empty string or a number. */
function pickMediaId(envelope: Fields): string | undefined {
  const data = typeof envelope.data === 'object' && envelope.data !== null ? envelope.data : {}
  const value = mediaIdFields
    .map((path) => (path.startsWith('data.') ? (data as Fields)[path.slice(5)] : envelope[path]))
    .find((item) => (typeof item === 'string' && item !== '') || typeof item === 'number')
  return value === undefined ? undefined : String(value)
}

/**
 * `media.upload`: checks the image (a JPG, PNG, GIF or BMP by its first bytes, 1 byte to 5 MB, a
 * file name with a matching extension) before any request, then `POST /media/upload/message` with
 * the multipart field `media` (the runtime sets the boundary) and a fresh `thirdTraceId` per attempt,
 * authenticated like every call (v2 headers; legacy `corpAccessToken`/`corpId` in the query). An
 * upload is never resent after an ambiguous failure.
 * @see https://www.fxiaoke.com/mob/guide/openapi/dist/en/pages/open-api/collection/other/creative/upload/
 */
export async function uploadMedia(
  context: FxiaokeContext,
  input: FxiaokeMediaUpload,
  options?: CallOptions,
): Promise<FxiaokeMediaUploadResult> {
  const refuse = (path: string, message: string) =>
    invalidInput({ vendor: 'fxiaoke', operation: 'media.upload' }, [{ path, message }])
  const blob = toBlob(input?.media)
  if (!blob) throw refuse('media', 'must be a Blob, ArrayBuffer or Uint8Array')
  if (blob.size === 0) throw refuse('media', 'must not be empty')
  if (blob.size > maxMediaBytes)
    throw refuse('media', `at most ${maxMediaBytes} bytes (5 MB), got ${blob.size}`)
  const format = detectMediaFormat(new Uint8Array(await blob.slice(0, 8).arrayBuffer()))
  if (!format) throw refuse('media', 'must be a JPG, PNG, GIF or BMP image')
  const [, ...extensions] = mediaFormats[format]
  const fileName = input.fileName ?? (blob as Partial<File>).name ?? `media.${extensions[0]}`
  if (typeof fileName !== 'string' || /[\r\n"\\/]/.test(fileName))
    throw refuse('fileName', 'must be a name without CR, LF, ", \\ or /')
  const extension = fileName.slice(fileName.lastIndexOf('.') + 1).toLowerCase()
  if (!fileName.includes('.') || !(extensions as readonly string[]).includes(extension))
    throw refuse('fileName', `must end in .${extensions.join(' or .')}: the content is ${format}`)
  checkUserId(context, 'media.upload')
  const form = new FormData()
  form.append('media', new Blob([blob], { type: `image/${format.toLowerCase()}` }), fileName)
  return context.http.send({
    operation: 'media.upload',
    path: '/media/upload/message',
    query: () => ({ thirdTraceId: randomUuid() }),
    body: form,
    ...(context.legacy ? { auth: queryCredentials(context.auth) } : {}),
    read: (response, readContext) => {
      const envelope = readFxiaokeEnvelope(response, readContext, v.looseObject({}), (e) => e) as Fields
      const mediaId = pickMediaId(envelope)
      if (mediaId === undefined) {
        throw new ResponseError({
          vendor: 'fxiaoke',
          message: `${describeRequest(readContext)}: success reply without ${mediaIdFields.join(', ')}; it carried ${readContext.redact(JSON.stringify(envelope)).slice(0, 300)}`,
          status: response.status,
          delivery: 'unknown',
        })
      }
      const traceId = typeof envelope.traceId === 'string' ? envelope.traceId : undefined
      return traceId === undefined ? { mediaId } : { mediaId, traceId }
    },
    options,
  })
}
