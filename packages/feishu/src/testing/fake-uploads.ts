import { randomHex } from '@msg/core'
import type { FakeUploadKeys } from './fake-content.js'
import { type FeishuFakeRequest, feishuData, feishuFailure } from './fake-wire.js'

/**
 * An upload the fake accepted, as it received it.
 * @see README.md#testing-kit-msgfeishutesting
 */
export interface FeishuFakeUpload {
  endpoint: 'im.image.create' | 'im.file.create'
  /** The issued `img_v2_…` or `file_v2_…` key. */
  key: string
  /** The text fields as sent (`image_type`, or `file_type`, `file_name`, `duration`). */
  fields: Record<string, string>
  /** The `filename` of the file part, read from the raw multipart bytes (raw UTF-8, not percent-encoded). */
  filename: string | undefined
  /** The file part's content type. */
  type: string
  bytes: Uint8Array
}

/** The fake's upload state. */
export interface UploadState extends FakeUploadKeys {
  uploads: FeishuFakeUpload[]
}

const mb = 1024 * 1024
const fileTypes = ['opus', 'mp4', 'pdf', 'doc', 'xls', 'ppt', 'stream']

const invalidParam = (ext: string) => feishuFailure(234001, `Invalid request param. ext=${ext}`, 400)

const newKey = (prefix: string) =>
  `${prefix}_${randomHex(4)}-${randomHex(2)}-${randomHex(2)}-${randomHex(2)}-${randomHex(6)}`

/** The raw `filename="…"` of a part in the body as sent. */
function rawFilename(text: string, field: string): string | undefined {
  return new RegExp(`name="${field}"; filename="([^"]*)"`).exec(text)?.[1]
}

async function readForm(request: Request): Promise<FormData | undefined> {
  if (!/^multipart\/form-data; boundary=/.test(request.headers.get('content-type') ?? '')) return undefined
  try {
    return await request.clone().formData()
  } catch {
    return undefined
  }
}

/**
 * `POST /open-apis/im/v1/images` and `/files`: multipart fields checked like Feishu (234001 invalid,
 * 234010 empty, 234006 over 10 MB / 30 MB); answers `{ image_key }` or `{ file_key }`.
 */
export async function handleUpload(
  state: UploadState,
  kind: 'image' | 'file',
  request: Request,
  recorded: FeishuFakeRequest,
): Promise<Response> {
  const form = await readForm(request)
  if (!form) return invalidParam('the body must be multipart/form-data')
  const file = form.get(kind)
  if (!(file instanceof Blob)) return invalidParam(`${kind} is required`)
  const fields: Record<string, string> = {}
  form.forEach((value, name) => {
    if (typeof value === 'string') fields[name] = value
  })
  if (kind === 'image' && !['message', 'avatar'].includes(fields.image_type ?? '')) {
    return invalidParam('image_type must be message or avatar')
  }
  if (kind === 'file') {
    if (!fileTypes.includes(fields.file_type ?? '')) return invalidParam('invalid file_type')
    if (!fields.file_name) return invalidParam('file_name is required')
    if (fields.duration !== undefined && !/^\d+$/.test(fields.duration))
      return invalidParam('invalid duration')
  }
  if (file.size === 0) return feishuFailure(234010, 'File size is 0.', 400)
  if (file.size > (kind === 'image' ? 10 : 30) * mb)
    return feishuFailure(234006, 'The file size exceed the max value.', 400)
  const key = newKey(kind === 'image' ? 'img_v2' : 'file_v2')
  if (kind === 'image') state.images.add(key)
  else state.files.set(key, fields.file_type as string)
  state.uploads.push({
    endpoint: kind === 'image' ? 'im.image.create' : 'im.file.create',
    key,
    fields,
    filename: rawFilename(recorded.text, kind),
    type: file.type,
    bytes: new Uint8Array(await file.arrayBuffer()),
  })
  return feishuData(kind === 'image' ? { image_key: key } : { file_key: key })
}
