import { createDecipheriv, createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { buildFeishuPush, deliverFeishuEvent, feishuRetryDelaysMs } from './feishu-deliver.js'
import { feishuCardActionEvent, feishuTextMessageEvent } from './feishu-sample-events.js'

const options = { verificationToken: 'vt', encryptKey: 'ek' }

/** A fetch answering with the given statuses in turn, recording every call and when it came. */
function answering(...statuses: number[]) {
  const calls: { at: number; headers: Record<string, string>; body: string }[] = []
  const fetch = (async (_url: string, init: RequestInit) => {
    calls.push({ at: Date.now(), headers: init.headers as Record<string, string>, body: String(init.body) })
    return new Response('{}', { status: statuses[Math.min(calls.length - 1, statuses.length - 1)] ?? 200 })
  }) as typeof globalThis.fetch
  return { fetch, calls }
}

describe('buildFeishuPush', () => {
  it('encrypts the schema 2.0 envelope and signs the exact body, as node:crypto checks it', async () => {
    const push = await buildFeishuPush(feishuTextMessageEvent('hi', { eventId: 'ev-1' }), options)
    const { encrypt } = JSON.parse(push.body) as { encrypt: string }
    const blob = Buffer.from(encrypt, 'base64')
    const key = createHash('sha256').update('ek').digest()
    const decipher = createDecipheriv('aes-256-cbc', key, blob.subarray(0, 16))
    const plain = JSON.parse(Buffer.concat([decipher.update(blob.subarray(16)), decipher.final()]).toString())
    expect(plain).toMatchObject({ schema: '2.0', header: { event_id: 'ev-1', token: 'vt' } })
    const { 'x-lark-request-timestamp': at, 'x-lark-request-nonce': nonce } = push.headers
    expect(Math.abs(Number(at) - Date.now() / 1000)).toBeLessThan(5)
    const expected = createHash('sha256').update(`${at}${nonce}ek${push.body}`).digest('hex')
    expect(push.headers['x-lark-signature']).toBe(expected)
  })

  it('sends plain and unsigned without an encryptKey, and refuses to sign without one', async () => {
    const push = await buildFeishuPush({ payload: { a: 1 } }, { verificationToken: 'vt' })
    expect([push.body, push.headers['x-lark-signature']]).toEqual(['{"a":1}', undefined])
    await expect(buildFeishuPush({ payload: {} }, { verificationToken: 'vt', sign: true })).rejects.toThrow()
  })
})

describe('deliverFeishuEvent', () => {
  it('re-pushes on anything but 200 on the ladder, scaled, with the same event_id and a fresh signature', async () => {
    const { fetch, calls } = answering(500, 401, 200)
    const delivery = await deliverFeishuEvent('http://h.test', feishuTextMessageEvent('x'), {
      ...options,
      fetch,
      timeScale: 0.001,
    })
    expect(delivery.delivered).toBe(true)
    expect(delivery.attempts.map((attempt) => attempt.status)).toEqual([500, 401, 200])
    expect((calls[1]?.at ?? 0) - (calls[0]?.at ?? 0)).toBeGreaterThanOrEqual(14)
    expect((calls[2]?.at ?? 0) - (calls[1]?.at ?? 0)).toBeGreaterThanOrEqual(299)
    expect(new Set(calls.map((call) => call.headers['x-lark-request-nonce'])).size).toBe(3)
    expect(feishuRetryDelaysMs).toEqual([15_000, 300_000, 3_600_000, 21_600_000])
  })

  it('gives up after the retries, counts a slow answer as a timeout, and sends card callbacks once', async () => {
    const failing = answering(503)
    const given = await deliverFeishuEvent('http://h.test', feishuTextMessageEvent('x'), {
      ...options,
      fetch: failing.fetch,
      retries: 2,
      retryDelaysMs: [1],
    })
    expect([given.delivered, given.attempts.length]).toEqual([false, 3])
    const slow = (async (_url: string, init: RequestInit) =>
      new Promise((_resolve, reject) =>
        init.signal?.addEventListener('abort', () => reject(init.signal?.reason)),
      )) as typeof globalThis.fetch
    const timedOut = await deliverFeishuEvent('http://h.test', feishuTextMessageEvent('x'), {
      ...options,
      fetch: slow,
      retries: 0,
      timeoutMs: 20,
    })
    expect(timedOut.attempts[0]?.status).toBe('timeout')
    const card = answering(500)
    await deliverFeishuEvent('http://h.test', feishuCardActionEvent({}), { ...options, fetch: card.fetch })
    expect(card.calls).toHaveLength(1)
  })
})
