import { ValidationError, VendorError } from '@msg/core'
import { toFetch } from '@msg/core/testing'
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { createGewe, type GeweSettings } from '../index.js'
import { createGeweFake } from '../testing/index.js'

const token = 'tok-rich-0123456789'
const chat = { appId: 'wx_a', toWxid: 'wxid_friend' }

function setup(settings: Partial<GeweSettings> = {}) {
  const fake = createGeweFake({ token, newMsgId: () => '9223372036854775807', now: () => 1_700_000_000 })
  const arrivals: { at: number; path: string }[] = []
  const fetch = toFetch(async (request) => {
    arrivals.push({ at: Date.now(), path: new URL(request.url).pathname })
    return fake.handle(request)
  })
  return { fake, arrivals, client: createGewe({ token, fetch, ...settings }) }
}

describe('rich sends share the pacing queue of postText', () => {
  // The client loads its rich code on first use: loaded once here, so fake time starts after it.
  beforeAll(() => import('../rich.js'))
  beforeEach(() => {
    vi.useFakeTimers({ now: 1_000_000 })
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('a postImage and a postText to one appId go out one at a time, gapMs apart', async () => {
    const { client, arrivals } = setup({ pacing: { gapMs: 1000, jitterMs: 0 } })
    const sends = [
      client.message.postImage({ ...chat, imgUrl: 'https://cdn.example.com/a.png' }),
      client.message.postText({ ...chat, content: 'then text' }),
    ]
    await vi.advanceTimersByTimeAsync(0)
    expect(arrivals.map((arrival) => arrival.path)).toEqual(['/gewe/v2/api/message/postImage'])
    await vi.advanceTimersByTimeAsync(999)
    expect(arrivals).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(arrivals.map((arrival) => arrival.path)).toEqual([
      '/gewe/v2/api/message/postImage',
      '/gewe/v2/api/message/postText',
    ])
    await Promise.all(sends)
  })

  it('revokeMsg waits in the same queue; another appId does not', async () => {
    const { client, arrivals } = setup({ pacing: { gapMs: 1000, jitterMs: 0 } })
    const sent = await client.message.postFile({
      ...chat,
      fileUrl: 'https://a.example/f.pdf',
      fileName: 'f.pdf',
    })
    const revoke = client.message.revokeMsg({ ...sent, appId: chat.appId })
    const other = client.message.postLink({
      appId: 'wx_b',
      toWxid: 'wxid_friend',
      title: 't',
      desc: 'd',
      linkUrl: 'https://a.example',
      thumbUrl: 'https://a.example/t.png',
    })
    await vi.advanceTimersByTimeAsync(0)
    expect(arrivals.map((arrival) => arrival.path.split('/').pop())).toEqual(['postFile', 'postLink'])
    await vi.advanceTimersByTimeAsync(1000)
    expect(arrivals.map((arrival) => arrival.path.split('/').pop())).toEqual([
      'postFile',
      'postLink',
      'revokeMsg',
    ])
    await Promise.all([revoke, other])
  })
})

describe('rich sends', () => {
  it('list every broken rule at once, nothing sent', async () => {
    const { client, fake } = setup({ pacing: false })
    const error = await client.message
      .postVideo({ appId: '', toWxid: 'w', videoUrl: 'v.mp4', thumbUrl: 'https://a/t', videoDuration: -1 })
      .catch((e) => e)
    expect(ValidationError.isInstance(error)).toBe(true)
    expect(error.issues.map((issue: { path: string }) => issue.path)).toEqual([
      'appId',
      'videoUrl',
      'videoDuration',
    ])
    expect(error.message).toMatch(/^\[@msg\/gewe\] message\.postVideo: invalid input, nothing was sent/)
    expect(fake.requests).toHaveLength(0)
  })

  it('drop fields GeWe does not take', async () => {
    const { client, fake } = setup({ pacing: false })
    await client.message.postNameCard({ ...chat, nickName: 'n', nameCardWxid: 'w', extra: 1 } as never)
    expect(fake.requests[0]?.body).toStrictEqual({ ...chat, nickName: 'n', nameCardWxid: 'w' })
  })

  it('a ret 500 is a VendorError with delivery unknown, sent once (GeWe has no idempotency key)', async () => {
    const { client, fake } = setup({ pacing: false, retry: 3 })
    fake.inject({ kind: 'server-error', msg: null })
    const error = await client.message.forwardUrl({ ...chat, xml: '<msg/>' }).catch((e) => e)
    expect(VendorError.isInstance(error)).toBe(true)
    expect(error).toMatchObject({ delivery: 'unknown', code: 500 })
    expect(fake.requests).toHaveLength(1)
  })

  it('an offline device is a permanent VendorError', async () => {
    const { client, fake } = setup({ pacing: false })
    fake.inject({ kind: 'offline' })
    const error = await client.message
      .postEmoji({ ...chat, emojiMd5: 'A'.repeat(32), emojiSize: 1 })
      .catch((e) => e)
    expect(error).toMatchObject({ retryable: false, delivery: 'not-sent' })
  })
})
