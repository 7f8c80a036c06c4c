import { AuthError, RateLimitError, ResponseError, VendorError } from '@msg/core'
import { describe, expect, it } from 'vitest'
import { appSecret, setup } from '../test/setup.js'

const text = { message: { message_type: 0 as const, text: 'hi' } }

describe('retries and error mapping', () => {
  it('retries 416 after rateLimitWaitMs and delivers once', async () => {
    const { fake, client } = setup()
    fake.inject({ kind: 'rate-limit' })
    const data = await client.conversation.sendMessage('a|1|b', text)
    expect(data.message_server_id).toBe('9007199254740993')
    expect(fake.requests).toHaveLength(2)
    expect(fake.inbox).toHaveLength(1)
  })

  it('surfaces 416 as RateLimitError waiting 60 s by default once the budget is spent', async () => {
    const { fake, client } = setup({ retry: 0, rateLimitWaitMs: undefined })
    fake.inject({ kind: 'rate-limit' })
    const error = await client.conversation.sendMessage('a|1|b', text).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(RateLimitError)
    expect(error).toMatchObject({ code: 416, retryAfterMs: 60_000, delivery: 'not-sent', retryable: true })
  })

  it.each([107323, 107304, 107449])('maps %i to RateLimitError', async (code) => {
    const { fake, client } = setup({ retry: 0 })
    fake.inject({ kind: 'code', code })
    await expect(client.conversation.sendMessage('a|1|b', text)).rejects.toBeInstanceOf(RateLimitError)
  })

  it('does not wait longer than retry.maxRetryAfter: a 416 asking for more fails at once', async () => {
    const { fake, client } = setup({ rateLimitWaitMs: 120_000, retry: { limit: 2, backoffLimit: 1 } })
    fake.inject({ kind: 'rate-limit' })
    const error = await client.conversation.sendMessage('a|1|b', text).catch((caught: unknown) => caught)
    expect(error).toMatchObject({ name: 'RateLimitError', retryAfterMs: 120_000 })
    expect(fake.requests).toHaveLength(1)
  })

  it.each([101301, 997])('maps %i to AuthError without retrying', async (code) => {
    const { fake, client } = setup()
    fake.inject({ kind: 'code', code }, { times: 3 })
    await expect(client.conversation.sendMessage('a|1|b', text)).rejects.toMatchObject({
      name: 'AuthError',
      code,
    })
    expect(fake.requests).toHaveLength(1)
  })

  it.each([403, 404, 102404, 102421, 102422, 102426, 107410, 107451, 108404, 108423, 109424])(
    'does not retry %i: VendorError, not retryable, one request',
    async (code) => {
      const { fake, client } = setup()
      fake.inject({ kind: 'code', code, msg: 'refused' }, { times: 3 })
      const error = await client.conversation.sendMessage('a|1|b', text).catch((caught: unknown) => caught)
      expect(VendorError.isInstance(error)).toBe(true)
      expect(RateLimitError.isInstance(error) || AuthError.isInstance(error)).toBe(false)
      expect(error).toMatchObject({ code, retryable: false, delivery: 'not-sent', status: 200 })
      expect(fake.requests).toHaveLength(1)
    },
  )

  it('keeps an unknown code as VendorError with the raw code and the trace id as requestId', async () => {
    const { fake, client } = setup()
    fake.inject({ kind: 'code', code: 123456, msg: 'something new' })
    const error = await client.conversation.sendMessage('a|1|b', text).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(VendorError)
    expect(error).toMatchObject({ code: 123456, vendorMessage: 'something new' })
    expect((error as VendorError).requestId).toBe(fake.requests[0]?.headers['x-custom-traceid'])
    expect((error as Error).message).toBe(
      '[@msg/netease-im] conversation.sendMessage POST /im/v2/conversations/a%7C1%7Cb/messages: vendor code 123456 (something new)',
    )
  })

  it.each([500, 503, 514] as const)(
    'retries transient %i with the same message_client_id and trace id',
    async (code) => {
      const { fake, client } = setup()
      fake.inject({ kind: 'server-error', code })
      await client.conversation.sendMessage('a|1|b', text)
      expect(fake.requests).toHaveLength(2)
      const ids = fake.requests.map(
        (request) => (request.body as { message: { message_client_id: string } }).message,
      )
      expect(ids[0]?.message_client_id).toBe(ids[1]?.message_client_id)
      expect(fake.requests[0]?.headers['x-custom-traceid']).toBe(
        fake.requests[1]?.headers['x-custom-traceid'],
      )
    },
  )

  it('reports a transient failure that outlasts the budget as delivery unknown', async () => {
    const { fake, client } = setup()
    fake.inject({ kind: 'server-error' }, { times: 3 })
    const error = await client.conversation.sendMessage('a|1|b', text).catch((caught: unknown) => caught)
    expect(error).toMatchObject({ code: 500, retryable: true, delivery: 'unknown' })
    expect(fake.requests).toHaveLength(3)
  })

  it('treats 107306 after a lost success as already delivered: one inbox entry, duplicate: true', async () => {
    const { fake, client } = setup()
    fake.inject({ kind: 'server-error', delivered: true })
    const data = await client.conversation.sendMessage('a|1|b', text)
    expect(fake.inbox).toHaveLength(1)
    expect(fake.requests).toHaveLength(2)
    expect(data).toEqual({ message_client_id: fake.inbox[0]?.message_client_id, duplicate: true })
  })

  it('returns the original data on 107306 when NetEase gives it', async () => {
    const { fake, client } = setup({}, { duplicateReturnsOriginal: true })
    fake.inject({ kind: 'server-error', delivered: true })
    const data = await client.conversation.sendMessage('a|1|b', text)
    expect(data).toMatchObject({ message_server_id: '9007199254740993', duplicate: true, text: 'hi' })
    expect(fake.inbox).toHaveLength(1)
  })

  it('retries a timed-out attempt under the same message_client_id: delivered once', async () => {
    const { fake, client } = setup({ timeout: 50 })
    fake.inject({ kind: 'delay', ms: 120 })
    const data = await client.conversation.sendMessage('a|1|b', text)
    await new Promise((resolve) => setTimeout(resolve, 120))
    expect(fake.requests).toHaveLength(2)
    expect(fake.inbox).toHaveLength(1)
    expect(data.message_client_id).toBe(fake.inbox[0]?.message_client_id)
  })

  it('retries a 502 gateway page and fails with ResponseError on a broken body', async () => {
    const { fake, client } = setup()
    fake.inject({ kind: 'html', status: 502 })
    await client.conversation.sendMessage('a|1|b', text)
    expect(fake.requests).toHaveLength(2)
    fake.inject({ kind: 'broken-body' })
    const error = await client.conversation.sendMessage('a|1|b', text).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(ResponseError)
  })
})

describe('signature rejections', () => {
  it('explains clock skew clearly and does not retry', async () => {
    const { fake, client } = setup()
    fake.inject({ kind: 'clock-skew', seconds: 900 })
    const error = await client.conversation.sendMessage('a|1|b', text).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(AuthError)
    expect(error).toMatchObject({ code: 414, delivery: 'not-sent' })
    expect((error as Error).message).toMatch(
      /clock skew: this machine's clock is (89\d|90\d) s behind NetEase's/,
    )
    expect((error as Error).message).toContain('valid 5 minutes from CurTime')
    expect((error as Error).message).toContain('clockOffsetMs')
    expect(fake.requests).toHaveLength(1)
  })

  it('succeeds against a skewed server when clockOffsetMs compensates', async () => {
    const { fake, client } = setup({ clockOffsetMs: 900_000 }, { now: () => Date.now() + 900_000 })
    await client.conversation.sendMessage('a|1|b', text)
    expect(fake.inbox).toHaveLength(1)
  })

  it('blames the secret when the clocks agree, without leaking it', async () => {
    const { fake, client } = setup({}, { appSecret: 'another-secret' })
    const error = await client.conversation.sendMessage('a|1|b', text).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(AuthError)
    expect((error as Error).message).toContain('check appSecret')
    expect(JSON.stringify(error)).not.toContain(appSecret)
    expect(fake.requests).toHaveLength(1)
  })

  it('maps an unknown AppKey (101303) to AuthError', async () => {
    const { client } = setup({ appKey: 'unknown' })
    await expect(client.conversation.sendMessage('a|1|b', text)).rejects.toMatchObject({
      name: 'AuthError',
      code: 101303,
    })
  })

  it('keeps a plain 414 parameter error a VendorError', async () => {
    const { fake, client } = setup()
    fake.inject({ kind: 'code', code: 414, msg: 'parameter error: extension' })
    const error = await client.conversation.sendMessage('a|1|b', text).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(VendorError)
    expect(AuthError.isInstance(error)).toBe(false)
  })

  it('redacts the signature headers from hook events', async () => {
    const events: unknown[] = []
    const { client } = setup({ hooks: { request: (event) => events.push(event) } })
    await client.conversation.sendMessage('a|1|b', text)
    const headers = (events[0] as { headers: Record<string, string> }).headers
    expect(headers).toMatchObject({ checksum: '[redacted]', nonce: '[redacted]', curtime: '[redacted]' })
  })
})
