import { ValidationError } from '@msg/core'
import { describe, expect, it } from 'vitest'
import { appId, call, client, fake, max, type SendName, serveFake, toWxid } from './rich-fixture.js'

serveFake()

describe('validation: nothing is sent', () => {
  const cases: [string, SendName, Record<string, unknown>, string, string][] = [
    ['a relative URL', 'postImage', { imgUrl: '/a.png' }, 'imgUrl', 'must be an absolute http(s) URL'],
    [
      'an ftp: URL',
      'postFile',
      { fileUrl: 'ftp://a/b', fileName: 'b' },
      'fileUrl',
      'must be an absolute http(s) URL',
    ],
    [
      'a data: URL',
      'postVideo',
      { videoUrl: 'data:video/mp4;base64,AA', thumbUrl: 'https://a/t', videoDuration: 1 },
      'videoUrl',
      'must be an absolute http(s) URL',
    ],
    [
      'a missing fileName',
      'postFile',
      { fileUrl: 'https://a/b' },
      'fileName',
      'Invalid key: Expected "fileName" but received undefined',
    ],
    [
      'a missing thumbUrl',
      'postLink',
      { title: 't', desc: 'd', linkUrl: 'https://a' },
      'thumbUrl',
      'Invalid key: Expected "thumbUrl" but received undefined',
    ],
    [
      'a string duration',
      'postVoice',
      { voiceUrl: 'https://a/v.silk', voiceDuration: '2000' },
      'voiceDuration',
      'must be a number',
    ],
    [
      'a fractional duration',
      'postVideo',
      { videoUrl: 'https://a/v', thumbUrl: 'https://a/t', videoDuration: 1.5 },
      'videoDuration',
      'must be an integer',
    ],
    [
      'a negative size',
      'postEmoji',
      { emojiMd5: '4cc7540a85b5b6cf4ba14e9f4ae08b7c', emojiSize: -1 },
      'emojiSize',
      'must not be negative',
    ],
    ['a short md5', 'postEmoji', { emojiMd5: 'abc', emojiSize: 1 }, 'emojiMd5', 'must be 32 hex digits'],
    [
      'appmsg that is not an <appmsg>',
      'postAppMsg',
      { appmsg: '<msg/>' },
      'appmsg',
      'must be an <appmsg> element',
    ],
    ['xml that is not XML', 'forwardImage', { xml: 'aeskey=1' }, 'xml', 'must be XML'],
    [
      'an empty title',
      'postMiniApp',
      {
        miniAppId: 'wx1',
        displayName: 'd',
        pagePath: 'p',
        coverImgUrl: 'https://a/c',
        title: '',
        userName: 'gh_1@app',
      },
      'title',
      'must not be empty',
    ],
    [
      'a bad cover URL',
      'forwardMiniApp',
      { xml: '<msg/>', coverImgUrl: 'cover.jpg' },
      'coverImgUrl',
      'must be an absolute http(s) URL',
    ],
  ]
  it.each(cases)('%s → ValidationError on %s', async (_, name, fields, path, message) => {
    const failure = await call(client(), name, { appId, toWxid, ...fields }).catch((error: unknown) => error)
    expect(ValidationError.isInstance(failure)).toBe(true)
    expect((failure as ValidationError).issues).toContainEqual({ path, message })
    expect(fake.requests).toHaveLength(0)
  })

  it('a missing toWxid, and revokeMsg with a numeric newMsgId (digits may be lost)', async () => {
    const gewe = client()
    const noChat = await gewe.message
      .postNameCard({ appId, nickName: 'n', nameCardWxid: 'w' } as never)
      .catch((e) => e)
    expect(noChat.issues).toContainEqual({
      path: 'toWxid',
      message: 'Invalid key: Expected "toWxid" but received undefined',
    })
    const numeric = await gewe.message
      .revokeMsg({ appId, toWxid, msgId: 1, newMsgId: Number(max) as never, createTime: 1 })
      .catch((e) => e)
    expect(numeric.issues).toContainEqual({ path: 'newMsgId', message: 'must be a string' })
    const badMsgId = await gewe.message
      .revokeMsg({ appId, toWxid, msgId: '1e3', newMsgId: max })
      .catch((e) => e)
    expect(badMsgId.issues).toContainEqual({ path: 'msgId', message: 'must be decimal digits' })
    expect(fake.requests).toHaveLength(0)
  })
})
