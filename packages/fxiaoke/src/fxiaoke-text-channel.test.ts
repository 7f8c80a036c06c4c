import { MsgError, RateLimitError, ValidationError, VendorError, withFallback } from '@msg/core'
import { describe, expect, it } from 'vitest'
import { BatchSendError } from './fxiaoke-batch-send-error.js'
import { createFxiaoke } from './fxiaoke-client.js'
import { createFxiaokeFake, type FxiaokeFakeOptions } from './testing/index.js'

const recipients = Array.from({ length: 1234 }, (_, index) => `${1000 + index}`)

function setup(options: FxiaokeFakeOptions = {}) {
  const fake = createFxiaokeFake(options)
  const client = createFxiaoke({
    appId: 'FSAID_fake',
    appSecret: 'fake-app-secret',
    permanentCode: 'fake-permanent-code',
    userId: '1000',
    fetch: fake.fetch,
    retry: { limit: 2, backoffLimit: 1 },
  })
  const sends = () => fake.requests.filter((request) => request.path === '/cgi/message/send')
  return { fake, client, sends }
}

describe('sendText', () => {
  it('sends one text to a few recipients and reports the traceId', async () => {
    const { fake, client } = setup()
    const sent = await client.sendText({ toUser: ['1001', '1002'] }, 'hello')
    expect(fake.inbox).toHaveLength(1)
    expect(fake.inbox[0]).toMatchObject({
      toUser: ['1001', '1002'],
      text: { content: 'hello' },
      msgType: 'text',
    })
    expect(sent).toMatchObject({ vendor: 'fxiaoke', requestId: fake.inbox[0]?.traceId })
    expect(sent.messageId).toBeUndefined()
    expect(sent.batches).toEqual([
      { toUser: ['1001', '1002'], status: 'sent', traceId: fake.inbox[0]?.traceId },
    ])
  })

  it('1 234 recipients go out in consecutive batches of 500, 500 and 234, each reported', async () => {
    const { fake, client, sends } = setup()
    const sent = await client.sendText({ toUser: recipients }, 'all hands')
    expect(sends().map((request) => (request.body as { toUser: string[] }).toUser.length)).toEqual([
      500, 500, 234,
    ])
    expect(fake.inbox.flatMap((message) => message.toUser)).toEqual(recipients)
    expect(sent.batches.map((batch) => [batch.toUser.length, batch.status])).toEqual([
      [500, 'sent'],
      [500, 'sent'],
      [234, 'sent'],
    ])
    expect(sent.requestId).toBe(fake.inbox.map((message) => message.traceId).join(','))
    expect(new Set(sends().map((request) => request.query.thirdTraceId)).size).toBe(3)
    expect(fake.tokenCalls).toBe(1)
  })

  it('a refused second batch: per-recipient report, stops, nothing sent twice', async () => {
    // Employee 1700 does not exist: the second batch (1500..1999) fails with 30027.
    const { fake, client, sends } = setup({ employees: recipients.filter((id) => id !== '1700') })
    const error = (await client
      .sendText({ toUser: recipients }, 'hi')
      .catch((caught) => caught)) as BatchSendError
    expect(BatchSendError.isInstance(error)).toBe(true)
    expect(error).toBeInstanceOf(MsgError)
    expect(error.name).toBe('BatchSendError')
    expect(error.sent).toEqual(recipients.slice(0, 500))
    expect(error.unknown).toEqual([])
    expect(error.notSent).toEqual(recipients.slice(500))
    expect(error.batches.map((batch) => batch.status)).toEqual(['sent', 'failed', 'skipped'])
    expect(VendorError.isInstance(error.batches[1]?.error) && error.batches[1]?.error.code).toBe(30027)
    expect(error.cause).toBe(error.batches[1]?.error)
    expect(error.delivery).toBe('unknown')
    expect(error.message).toMatch(/^\[@msg\/fxiaoke\] sendText: batch 2 of 3 failed, 500 recipients sent/)
    expect(sends()).toHaveLength(2)
    expect(fake.inbox.flatMap((message) => message.toUser)).toEqual(error.sent)
  })

  it('an ambiguous second batch (-1) is reported as unknown, never resent', async () => {
    const { fake, client, sends } = setup()
    let seen = 0
    fake.inject(
      { kind: 'server-error' },
      { match: (request) => request.url.includes('/message/') && ++seen === 2 },
    )
    const error = (await client
      .sendText({ toUser: recipients }, 'hi')
      .catch((caught) => caught)) as BatchSendError
    expect(error.sent).toEqual(recipients.slice(0, 500))
    expect(error.unknown).toEqual(recipients.slice(500, 1000))
    expect(error.notSent).toEqual(recipients.slice(1000))
    expect(sends()).toHaveLength(2)
  })

  it('a first batch refused for quota (30002): nothing sent, not retried, delivery not-sent', async () => {
    const { fake, client, sends } = setup()
    fake.inject({ kind: 'quota-exceeded' }, { times: 5 })
    const error = (await client
      .sendText({ toUser: recipients }, 'hi')
      .catch((caught) => caught)) as BatchSendError
    expect(error.sent).toEqual([])
    expect(error.notSent).toEqual(recipients)
    expect(error.delivery).toBe('not-sent')
    expect(sends()).toHaveLength(1)
  })

  it('a rate-limited batch is retried within the budget and the send completes', async () => {
    const { fake, client, sends } = setup()
    fake.inject({ kind: 'rate-limit' }, { times: 2 })
    const sent = await client.sendText({ toUser: recipients }, 'hi')
    expect(sent.batches.every((batch) => batch.status === 'sent')).toBe(true)
    expect(sends()).toHaveLength(5)
    expect(fake.inbox.flatMap((message) => message.toUser)).toEqual(recipients)
  })

  it('with one batch, the failure is thrown as is', async () => {
    const { fake, client } = setup()
    fake.inject({ kind: 'rate-limit' }, { times: 3 })
    const error = await client.sendText({ toUser: ['1'] }, 'hi').catch((caught) => caught)
    expect(RateLimitError.isInstance(error)).toBe(true)
    expect(BatchSendError.isInstance(error)).toBe(false)
  })

  it.each([
    [{ toUser: [] }, 'hi', 'toUser', 'at least 1 recipient'],
    [{ toUser: [...recipients.slice(0, 1100), ''] }, 'hi', 'toUser[1100]', 'must not be empty'],
    [{ toUser: ['1'] }, '', 'text', 'must not be empty'],
    [undefined, 'hi', 'toUser', 'must be an array of ids'],
    [{ toUser: ['1'] }, 'broken \uD800 text', 'text', 'must be well-formed text'],
  ])('validates the whole list first, nothing sent (%#)', async (target, text, path, message) => {
    const { fake, client } = setup()
    const error = (await client.sendText(target as never, text).catch((caught) => caught)) as ValidationError
    expect(ValidationError.isInstance(error)).toBe(true)
    expect(error.issues).toContainEqual({ path, message })
    expect(fake.requests).toHaveLength(0)
  })
})

describe('channel', () => {
  it('is a TextChannel that sends in batches and works with withFallback', async () => {
    const { fake, client } = setup()
    const channel = client.channel({ toUser: recipients.slice(0, 600) })
    expect(channel.vendor).toBe('fxiaoke')
    const sent = await withFallback([channel]).send('via channel')
    expect(sent.vendor).toBe('fxiaoke')
    expect(fake.inbox.map((message) => message.toUser.length)).toEqual([500, 100])
  })
})
