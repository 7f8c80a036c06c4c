/**
 * What the GeWe fake checks on the rich `message/*` calls, and what it answers: each field's kind
 * (`text` non-empty string, `string` any string, `url` absolute http(s) URL, `integer` a JSON
 * integer), the WeChat message `type` of the reply and whether it carries CDN information.
 * @see https://doc.geweapi.com/ (消息模块)
 */
export type FieldKind = 'text' | 'string' | 'url' | 'integer'

/**
 * One rich `message/*` operation as the fake knows it.
 * @see @msg/gewe README.md#testing-kit-msggewetesting
 */
export interface FakeMessageOperation {
  fields: Record<string, FieldKind>
  /** `type` in the reply (GeWe's examples show `null` on images and videos). */
  type: number | null
  /** Image replies add `aesKey, fileId, length, width, height, md5`; video replies `aesKey, fileId, length`. */
  cdn?: 'image' | 'video'
}

const chat = { appId: 'text', toWxid: 'text' } as const
const xml = { ...chat, xml: 'text' } as const

/**
 * The rich send and forward paths (below `/v2/api`), as GeWe documents their bodies.
 * @see https://doc.geweapi.com/ (消息模块)
 */
export const fakeMessageOperations: Record<string, FakeMessageOperation> = {
  '/message/postImage': { fields: { ...chat, imgUrl: 'url' }, type: null, cdn: 'image' },
  '/message/postFile': { fields: { ...chat, fileUrl: 'url', fileName: 'text' }, type: 6 },
  '/message/postLink': {
    fields: { ...chat, title: 'text', desc: 'string', linkUrl: 'url', thumbUrl: 'url' },
    type: 5,
  },
  '/message/postVideo': {
    fields: { ...chat, videoUrl: 'url', thumbUrl: 'url', videoDuration: 'integer' },
    type: null,
    cdn: 'video',
  },
  '/message/postVoice': { fields: { ...chat, voiceUrl: 'url', voiceDuration: 'integer' }, type: 34 },
  '/message/postNameCard': { fields: { ...chat, nickName: 'text', nameCardWxid: 'text' }, type: 42 },
  '/message/postEmoji': { fields: { ...chat, emojiMd5: 'text', emojiSize: 'integer' }, type: 47 },
  '/message/postAppMsg': { fields: { ...chat, appmsg: 'text' }, type: 49 },
  '/message/postMiniApp': {
    fields: {
      ...chat,
      miniAppId: 'text',
      displayName: 'text',
      pagePath: 'text',
      coverImgUrl: 'url',
      title: 'text',
      userName: 'text',
    },
    type: 33,
  },
  '/message/forwardImage': { fields: xml, type: null, cdn: 'image' },
  '/message/forwardFile': { fields: xml, type: 6 },
  '/message/forwardVideo': { fields: xml, type: null, cdn: 'video' },
  '/message/forwardUrl': { fields: xml, type: 5 },
  '/message/forwardMiniApp': { fields: { ...xml, coverImgUrl: 'url' }, type: 33 },
}

/**
 * `revokeMsg` takes every value as a string (`createTime` may be left out).
 * @see https://doc.geweapi.com/ (消息模块/撤回消息)
 */
export const fakeRevokeFields: Record<string, FieldKind> = {
  ...chat,
  msgId: 'text',
  newMsgId: 'text',
}

function isWebUrl(value: string): boolean {
  try {
    return /^https?:$/.test(new URL(value).protocol)
  } catch {
    return false
  }
}

/**
 * The first field of `body` that breaks its kind, as the fake's `data.msg` detail; `undefined` when all hold.
 * @see @msg/gewe README.md#testing-kit-msggewetesting
 */
export function fieldProblem(
  body: Record<string, unknown>,
  fields: Record<string, FieldKind>,
): string | undefined {
  for (const [field, kind] of Object.entries(fields)) {
    const value = body[field]
    if (value === undefined || value === null || (kind !== 'string' && value === ''))
      return `${field} 不能为空`
    if (kind === 'integer' ? !Number.isInteger(value) : typeof value !== 'string') return `${field} 类型错误`
    if (kind === 'url' && !isWebUrl(value as string)) return `${field} 不是有效的链接`
  }
  return undefined
}

/**
 * The reply `data` JSON of a rich send, with `newMsgId` spliced in as raw digits.
 * @see https://doc.geweapi.com/ (消息模块/发送图片消息)
 */
export function messageReplyJson(
  operation: FakeMessageOperation,
  reply: { toWxid: string; createTime: number; msgId: number; newMsgId: string },
): string {
  const cdn =
    operation.cdn === undefined
      ? ''
      : `,"aesKey":"5c5163d06757faae44eacc2146ba0575","fileId":"3057020100044b30490201000204","length":490566${
          operation.cdn === 'image'
            ? ',"width":400,"height":400,"md5":"4cc7540a85b5b6cf4ba14e9f4ae08b7c"'
            : ''
        }`
  return `{"toWxid":${JSON.stringify(reply.toWxid)},"createTime":${reply.createTime},"msgId":${reply.msgId},"newMsgId":${reply.newMsgId},"type":${operation.type}${cdn}}`
}
