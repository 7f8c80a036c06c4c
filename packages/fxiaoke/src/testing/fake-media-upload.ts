import { invalidParameterCode } from './fake-codes.js'

/**
 * An image the fake accepted on `/media/upload/message`, with the media id it issued.
 * @see https://www.fxiaoke.com/mob/guide/openapi/dist/en/pages/open-api/collection/other/creative/upload/
 */
export interface FxiaokeUploadEntry {
  mediaId: string
  traceId: string
  thirdTraceId: string
  convention: 'v2' | 'legacy'
  /** The multipart part's file name and type, as sent. */
  fileName: string
  type: string
  size: number
  bytes: Uint8Array
}

/**
 * Where the fake's upload reply puts the media id (the real field is undocumented): `'none'`
 * leaves it out. Default `'mediaId'`.
 * @see https://www.fxiaoke.com/mob/guide/openapi/dist/en/pages/open-api/collection/other/creative/upload/
 */
export type FxiaokeMediaIdField = 'mediaId' | 'media_id' | 'data.mediaId' | 'data.media_id' | 'none'

/** What the upload handler needs from the fake. */
export interface FakeUploadTools {
  ea: string
  valid(token: unknown): boolean
  answer(errorCode: number, fields?: Record<string, unknown>, errorMessage?: string): Response
  traceId(): string
  mediaIdField: FxiaokeMediaIdField
  uploads: FxiaokeUploadEntry[]
  mediaIds: Set<string>
}

const extensions = ['jpg', 'jpeg', 'png', 'gif', 'bmp']
const maxBytes = 5 * 1024 * 1024

/**
 * The fake `/media/upload/message`: the v2 headers or the legacy `corpAccessToken`/`corpId` query,
 * a `multipart/form-data` body whose field `media` is a file of 1 byte to 5 MB named `*.jpg`,
 * `*.jpeg`, `*.png`, `*.gif` or `*.bmp`; a new media id per accepted upload.
 * @see https://www.fxiaoke.com/mob/guide/openapi/dist/en/pages/open-api/collection/other/creative/upload/
 */
export async function answerUpload(request: Request, thirdTraceId: string, tools: FakeUploadTools) {
  const { answer } = tools
  const query = new URL(request.url).searchParams
  const legacy = query.has('corpAccessToken')
  if (legacy) {
    if (!tools.valid(query.get('corpAccessToken'))) return answer(20005)
    if (query.get('corpId') !== tools.ea) return answer(11015)
  } else {
    const bearer = /^Bearer (.+)$/.exec(request.headers.get('authorization') ?? '')?.[1]
    if (!tools.valid(bearer)) return answer(20016)
    if (request.headers.get('x-fs-ea') !== tools.ea) return answer(20017)
    if (!request.headers.get('x-fs-userid'))
      return answer(invalidParameterCode, {}, 'x-fs-userid is required')
  }
  if (!/^multipart\/form-data; boundary=/.test(request.headers.get('content-type') ?? ''))
    return answer(invalidParameterCode, {}, 'a multipart/form-data body is required')
  const media = await request.formData().then(
    (form) => form.get('media'),
    () => null,
  )
  if (typeof media !== 'object' || media === null)
    return answer(invalidParameterCode, {}, 'multipart field media is required')
  const extension = media.name.slice(media.name.lastIndexOf('.') + 1).toLowerCase()
  if (!media.name.includes('.') || !extensions.includes(extension))
    return answer(invalidParameterCode, {}, 'media must be a JPG, JPEG, PNG, GIF or BMP file')
  if (media.size === 0 || media.size > maxBytes)
    return answer(invalidParameterCode, {}, 'media must be 1 byte to 5 MB')
  const traceId = tools.traceId()
  const mediaId = `FSMEDIA_${tools.uploads.length + 1}_${traceId.slice(-6)}`
  tools.uploads.push({
    mediaId,
    traceId,
    thirdTraceId,
    convention: legacy ? 'legacy' : 'v2',
    fileName: media.name,
    type: media.type,
    size: media.size,
    bytes: new Uint8Array(await media.arrayBuffer()),
  })
  tools.mediaIds.add(mediaId)
  const [outer, inner] = tools.mediaIdField.split('.') as [string, string | undefined]
  const fields =
    tools.mediaIdField === 'none' ? {} : inner ? { [outer]: { [inner]: mediaId } } : { [outer]: mediaId }
  return answer(0, { traceId, ...fields })
}
