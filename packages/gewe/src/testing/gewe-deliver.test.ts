import { parseExactJson } from '@msg/core'
import { describe, expect, it } from 'vitest'
import { deliverGeweCallback, geweCallbackJson } from './gewe-deliver.js'
import { createGeweFake } from './gewe-fake.js'
import { geweMaxNewMsgId, geweTextCallback } from './gewe-sample-callbacks.js'

/** A fetch answering with the given statuses in turn, recording every call. */
function answering(...statuses: number[]) {
  const calls: { url: string; headers: Record<string, string>; body: string }[] = []
  const fetch = (async (url: string, init: RequestInit) => {
    calls.push({ url, headers: init.headers as Record<string, string>, body: String(init.body) })
    return new Response('{}', { status: statuses[Math.min(calls.length - 1, statuses.length - 1)] ?? 200 })
  }) as typeof globalThis.fetch
  return { fetch, calls }
}

describe('geweCallbackJson', () => {
  it('writes MsgId and NewMsgId as raw JSON numbers and nothing else', () => {
    const callback = geweTextCallback('12345678901234567890', {
      newMsgId: geweMaxNewMsgId,
      msgId: '1040356095',
    })
    const text = geweCallbackJson(callback)
    expect(text).toContain('"NewMsgId":9223372036854775807')
    expect(text).toContain('"MsgId":1040356095')
    expect(text).toContain('"string":"12345678901234567890"')
    // Plain JSON.parse loses the id, which is why GeWe's body must be parsed losslessly.
    expect(String((JSON.parse(text) as { Data: { NewMsgId: number } }).Data.NewMsgId)).not.toBe(
      geweMaxNewMsgId,
    )
    expect(parseExactJson(text)).toMatchObject({ Data: { NewMsgId: geweMaxNewMsgId } })
  })
})

describe('deliverGeweCallback', () => {
  it('posts JSON once by default, with the secret as the last path segment', async () => {
    const { fetch, calls } = answering(500)
    const delivery = await deliverGeweCallback('http://h.test/gewe/', geweTextCallback('x'), {
      fetch,
      secret: 'a b',
    })
    expect(delivery).toMatchObject({ delivered: false, attempts: [{ status: 500 }] })
    expect(calls).toHaveLength(1)
    expect(calls[0]?.url).toBe('http://h.test/gewe/a%20b')
    expect(calls[0]?.headers['content-type']).toBe('application/json')
  })

  it('puts the secret into a header when told, and sends a string body as given', async () => {
    const { fetch, calls } = answering(200)
    await deliverGeweCallback('http://h.test/gewe', '{"raw":1}', { fetch, secret: 's', secretIn: 'header' })
    await deliverGeweCallback('http://h.test/gewe', '{}', {
      fetch,
      secret: 's',
      secretIn: 'header',
      secretHeader: 'x-secret',
    })
    expect(calls.map((call) => [call.url, call.headers.authorization, call.headers['x-secret']])).toEqual([
      ['http://h.test/gewe', 's', undefined],
      ['http://h.test/gewe', undefined, 's'],
    ])
    expect(calls[0]?.body).toBe('{"raw":1}')
  })

  it('redelivers the same body after a failure when retries are set, until a 200', async () => {
    const { fetch, calls } = answering(500, 401, 200, 500)
    const delivery = await deliverGeweCallback('http://h.test', geweTextCallback('x'), {
      fetch,
      retries: 5,
      retryDelaysMs: [10, 20],
      timeScale: 0.1,
    })
    expect(delivery.delivered).toBe(true)
    expect(delivery.attempts.map((attempt) => attempt.status)).toEqual([500, 401, 200])
    expect(new Set(calls.map((call) => call.body)).size).toBe(1)
  })

  it('records a network error and a timeout as failed attempts', async () => {
    const refused = (async () => {
      throw new TypeError('fetch failed')
    }) as unknown as typeof fetch
    const hanging = ((_url: string, init: RequestInit) =>
      new Promise((_resolve, reject) =>
        init.signal?.addEventListener('abort', () => reject(init.signal?.reason)),
      )) as unknown as typeof fetch
    const one = await deliverGeweCallback('http://h.test', {}, { fetch: refused })
    const two = await deliverGeweCallback('http://h.test', {}, { fetch: hanging, timeoutMs: 20 })
    expect([one.attempts[0]?.status, two.attempts[0]?.status]).toEqual(['network-error', 'timeout'])
  })

  it('is the fake’s deliver', () => {
    expect(createGeweFake().deliver).toBe(deliverGeweCallback)
  })
})
