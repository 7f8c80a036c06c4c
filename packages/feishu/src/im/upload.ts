import type { CallOptions, EndpointResult } from '@msg/core'
import * as v from 'valibot'
import type { FeishuContext } from '../feishu-context.js'
import { readData } from '../feishu-envelope.js'

/**
 * The bytes of an upload: a `Blob` (a `File` too), an `ArrayBuffer` or a `Uint8Array`. The whole
 * file is held in memory: Feishu's uploads are at most 30 MB.
 * @see https://open.feishu.cn/document/server-docs/im-v1/file/create
 */
export type UploadBytes = Blob | ArrayBuffer | Uint8Array

const mb = 1024 * 1024

const isBytes = (value: unknown): value is UploadBytes =>
  value instanceof Blob || value instanceof ArrayBuffer || value instanceof Uint8Array

/** An upload's bytes as a `Blob`, checked for 1 byte to `maxMb` MB. */
export const uploadBytesSchema = (maxMb: number) =>
  v.pipe(
    v.unknown(),
    v.check(isBytes, 'must be a Blob, ArrayBuffer or Uint8Array'),
    v.transform((bytes) => (bytes instanceof Blob ? bytes : new Blob([bytes as Uint8Array<ArrayBuffer>]))),
    v.check((blob) => blob.size > 0, 'must not be empty (0 bytes)'),
    v.check((blob) => blob.size <= maxMb * mb, `at most ${maxMb} MB`),
  )

/** CR, LF, `"` and `\` would be escaped differently by each runtime's multipart writer: left out of the part's filename. */
export const partFilename = (name: string) => name.replace(/[\r\n"\\]/g, '')

/**
 * Posts a multipart upload: text fields first, then the file. `fetch` writes the body and its
 * boundary. Feishu has no de-duplication key for uploads, so the transport never resends one after
 * a 5xx, a timeout or a dropped connection (delivery `unknown`); it retries only what Feishu did not
 * process: rate limits, a rejected token, a connection refused before sending.
 */
export function postUpload<Data>(
  context: FeishuContext,
  call: { operation: string; path: string; fields: Record<string, string | undefined> },
  file: { name: string; blob: Blob; filename: string },
  dataSchema: v.GenericSchema<unknown, Data>,
  options: CallOptions | undefined,
): Promise<EndpointResult<Data>> {
  const form = new FormData()
  for (const [name, value] of Object.entries(call.fields)) if (value !== undefined) form.append(name, value)
  form.append(file.name, file.blob, file.filename)
  return context.http.send({
    operation: call.operation,
    path: call.path,
    body: form,
    idempotent: false,
    read: readData(dataSchema),
    options,
  })
}
