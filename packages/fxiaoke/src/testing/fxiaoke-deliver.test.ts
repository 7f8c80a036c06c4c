import { describe, expect, it, vi } from 'vitest'
import { decryptFxiaoke } from '../webhook/fxiaoke-cipher.js'
import { fxiaokeSignature } from '../webhook/fxiaoke-signature.js'
import { buildFxiaokePush, deliverFxiaokeEvent } from './fxiaoke-deliver.js'
import { createFxiaokeFake } from './fxiaoke-fake.js'
import { fxiaokeMessageEvent } from './fxiaoke-sample-events.js'

const secrets = { token: 'deliver_token', encodingAesKey: 'QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZ' }

describe('buildFxiaokePush', () => {
  it('encrypts { type, content } with the receiver id and signs it with a millisecond timeStamp', async () => {
    const push = await buildFxiaokePush(fxiaokeMessageEvent('text', { Content: 'hi' }), {
      ...secrets,
      receiverId: 'FSAID_x',
      now: () => 1_700_000_000_123,
    })
    const { nonce, timeStamp, content, sig } = push.fields
    expect(JSON.parse(push.body)).toEqual(push.fields)
    expect(timeStamp).toBe('1700000000123')
    expect(sig).toBe(await fxiaokeSignature(secrets.token, timeStamp, nonce, content))
    expect(await decryptFxiaoke(secrets.encodingAesKey, content)).toEqual({
      message: push.plaintext,
      receiverId: 'FSAID_x',
    })
    expect(JSON.parse(push.plaintext)).toEqual({
      type: 'Message',
      content: '{"MsgType":"text","Content":"hi"}',
    })
  })
})

describe('deliverFxiaokeEvent', () => {
  it('counts only HTTP 200 with the body success, retries once with the same bytes, and stops', async () => {
    const bodies: string[] = []
    const fetch = vi.fn(async (_url: string | URL | Request, init?: RequestInit) => {
      bodies.push(String(init?.body))
      return new Response('failure')
    })
    const delivery = await deliverFxiaokeEvent('http://127.0.0.1:9/x', fxiaokeMessageEvent('event'), {
      ...secrets,
      fetch: fetch as typeof globalThis.fetch,
    })
    expect(delivery.delivered).toBe(false)
    expect(delivery.attempts).toEqual([
      { status: 200, body: 'failure' },
      { status: 200, body: 'failure' },
    ])
    expect(bodies[0]).toBe(bodies[1])
  })

  it('records network errors and honours retries: 0', async () => {
    const fetch = vi.fn(async () => {
      throw new TypeError('connection refused')
    })
    const delivery = await deliverFxiaokeEvent('http://127.0.0.1:9/x', fxiaokeMessageEvent('text'), {
      ...secrets,
      retries: 0,
      fetch: fetch as typeof globalThis.fetch,
    })
    expect(delivery.attempts.map((attempt) => attempt.status)).toEqual(['network-error'])
    expect(fetch).toHaveBeenCalledOnce()
  })

  it('is the fake’s deliver', () => {
    expect(createFxiaokeFake().deliver).toBe(deliverFxiaokeEvent)
  })
})
