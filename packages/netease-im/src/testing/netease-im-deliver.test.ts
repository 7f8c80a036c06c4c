import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { buildNeteaseImCopy, deliverNeteaseImCopy, neteaseImCopyBody } from './netease-im-deliver.js'
import { createNeteaseImFake } from './netease-im-fake.js'
import { neteaseImMessageCopy } from './netease-im-sample-copies.js'

const options = { appKey: 'ak', appSecret: 'sk' }
const sha1 = (text: string) => createHash('sha1').update(text).digest('hex')

/** A fetch answering with the given statuses in turn, recording every call. */
function answering(...statuses: number[]) {
  const calls: { headers: Record<string, string>; body: string }[] = []
  const fetch = (async (_url: string, init: RequestInit) => {
    calls.push({ headers: init.headers as Record<string, string>, body: String(init.body) })
    return new Response('{}', { status: statuses[Math.min(calls.length - 1, statuses.length - 1)] ?? 200 })
  }) as typeof globalThis.fetch
  return { fetch, calls }
}

describe('buildNeteaseImCopy', () => {
  it('signs as node:crypto checks it: MD5 of the body, CheckSum sha1(AppSecret + MD5 + CurTime), CurTime in ms', async () => {
    const push = await buildNeteaseImCopy(neteaseImMessageCopy('hi'), options)
    const { MD5, CurTime, CheckSum, AppKey } = push.headers
    expect(MD5).toBe(createHash('md5').update(push.body).digest('hex'))
    expect(CheckSum).toBe(sha1(`sk${MD5}${CurTime}`))
    expect(Math.abs(Number(CurTime) - Date.now())).toBeLessThan(5_000)
    expect(AppKey).toBe('ak')
    const bare = await buildNeteaseImCopy('{}', { ...options, sendAppKey: false })
    expect([bare.headers.AppKey, bare.headers.MD5]).toEqual([undefined, '99914b932bd37a50b983c5e7c90ae93b'])
  })

  it('writes bigint values as raw JSON numbers', () => {
    expect(neteaseImCopyBody({ a: 9223372036854775807n, b: '1', c: [-5n] })).toBe(
      '{"a":9223372036854775807,"b":"1","c":[-5]}',
    )
  })
})

describe('deliverNeteaseImCopy', () => {
  it('sends a normal copy once, whatever the answer', async () => {
    const { fetch, calls } = answering(503)
    const delivery = await deliverNeteaseImCopy('http://h.test', neteaseImMessageCopy('x'), {
      ...options,
      fetch,
    })
    expect([delivery.delivered, calls.length]).toEqual([false, 1])
  })

  it('counts 200 and 500 as delivered; re-sends a high-guarantee copy on anything else, signed afresh', async () => {
    const { fetch, calls } = answering(503, 401, 500)
    const delivery = await deliverNeteaseImCopy('http://h.test', neteaseImMessageCopy('x'), {
      ...options,
      fetch,
      highGuarantee: true,
      retryDelayMs: 1,
      now: (() => {
        let at = 1_000
        return () => (at += 1)
      })(),
    })
    expect(delivery.delivered).toBe(true)
    expect(delivery.attempts.map((attempt) => attempt.status)).toEqual([503, 401, 500])
    expect(new Set(calls.map((call) => call.body)).size).toBe(1)
    expect(new Set(calls.map((call) => call.headers.CurTime)).size).toBe(3)
  })

  it('gives up after the retries and counts a slow answer as a timeout', async () => {
    const failing = answering(404)
    const given = await deliverNeteaseImCopy('http://h.test', '{}', {
      ...options,
      fetch: failing.fetch,
      highGuarantee: true,
      retries: 2,
      retryDelayMs: 1,
    })
    expect([given.delivered, given.attempts.length]).toEqual([false, 3])
    const slow = (async (_url: string, init: RequestInit) =>
      new Promise((_resolve, reject) =>
        init.signal?.addEventListener('abort', () => reject(init.signal?.reason)),
      )) as typeof globalThis.fetch
    const timedOut = await deliverNeteaseImCopy('http://h.test', '{}', {
      ...options,
      fetch: slow,
      timeoutMs: 20,
    })
    expect(timedOut.attempts[0]?.status).toBe('timeout')
  })

  it("is the fake's deliver, signed with the fake's credentials by default", async () => {
    const fake = createNeteaseImFake({ appKey: 'fake-key', appSecret: 'fake-secret' })
    const { fetch, calls } = answering(200)
    await fake.deliver('http://h.test', '{}', { fetch })
    const { AppKey, MD5, CurTime, CheckSum } = calls[0]?.headers ?? {}
    expect(AppKey).toBe('fake-key')
    expect(CheckSum).toBe(sha1(`fake-secret${MD5}${CurTime}`))
  })
})
