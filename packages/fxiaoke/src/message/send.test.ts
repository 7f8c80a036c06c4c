import {
  AuthError,
  RateLimitError,
  ResponseError,
  TimeoutError,
  ValidationError,
  VendorError,
} from '@msg/core'
import { describe, expect, it } from 'vitest'
import { createFxiaoke } from '../fxiaoke-client.js'
import { createFxiaokeFake } from '../testing/index.js'

const uuidV4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
const seed = {
  toUser: ['TOUSER1', 'TOUSER2'],
  msgType: 'text',
  text: { content: 'This is a text message' },
} as const

function setup(extra: { timeout?: number; userId?: string | undefined } = {}) {
  const fake = createFxiaokeFake()
  const client = createFxiaoke({
    appId: 'FSAID_fake',
    appSecret: 'fake-app-secret',
    permanentCode: 'fake-permanent-code',
    userId: '1000',
    fetch: fake.fetch,
    retry: { limit: 2, backoffLimit: 1 },
    ...extra,
  })
  const sends = () => fake.requests.filter((request) => request.path === '/cgi/message/send')
  return { fake, client, sends }
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.fail('expected a failure'),
    (error: unknown) => error,
  )
}

describe('message.send (seed)', () => {
  it('sends the seed request: query, the three headers, the body exactly', async () => {
    const { fake, client, sends } = setup()
    const result = await client.message.send({ ...seed, toUser: [...seed.toUser] })
    expect(sends()).toHaveLength(1)
    const [request] = sends()
    expect(request?.method).toBe('POST')
    expect(Object.keys(request?.query ?? {})).toEqual(['thirdTraceId'])
    expect(request?.query.thirdTraceId).toMatch(uuidV4)
    expect(request?.headers.authorization).toMatch(/^Bearer fake-token-/)
    expect(request?.headers['x-fs-ea']).toBe('fake-ea')
    expect(request?.headers['x-fs-userid']).toBe('1000')
    expect(request?.headers['content-type']).toMatch(/^application\/json/)
    expect(request?.body).toEqual(seed)
    expect(Object.keys(request?.body as object)).toEqual(['toUser', 'msgType', 'text'])
    const traceId = fake.inbox[0]?.traceId
    expect(result).toEqual({
      traceId,
      batches: [{ toUser: ['TOUSER1', 'TOUSER2'], status: 'sent', traceId }],
    })
    expect(fake.inbox[0]).toMatchObject({ toUser: ['TOUSER1', 'TOUSER2'], userId: '1000', ea: 'fake-ea' })
  })

  it('passes the optional convertUserId flag through', async () => {
    const { fake, client } = setup()
    await client.message.send({ ...seed, toUser: ['FSUID_1'], convertUserId: true })
    expect(fake.inbox[0]?.convertUserId).toBe(true)
  })

  it('gives every attempt a fresh UUID v4 thirdTraceId (rate-limit retry and token refresh)', async () => {
    const { fake, client, sends } = setup()
    fake.inject({ kind: 'rate-limit' })
    fake.inject({ kind: 'token-expired' })
    await client.message.send({ ...seed, toUser: ['1001'] })
    const ids = fake.requests.map((request) => request.query.thirdTraceId)
    expect(sends()).toHaveLength(3)
    expect(fake.inbox).toHaveLength(1)
    for (const id of ids) expect(id).toMatch(uuidV4)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('success is errorCode 0 only, whatever errorMessage says', async () => {
    const { fake, client } = setup()
    fake.inject({ kind: 'code', code: 30027, msg: 'OK' })
    const error = await failure(client.message.send({ ...seed }))
    expect(VendorError.isInstance(error) && error.code).toBe(30027)
  })

  it.each([
    [30002, 'daily quota'],
    [30003, 'no quota'],
    [30027, 'employee missing'],
    [11016, 'invalid toUser'],
    [10015, 'missing toUser'],
    [11017, 'invalid msgType'],
    [12003, 'unsupported type'],
    [12004, 'empty body'],
    [12005, 'empty text'],
    [20012, 'openUserId not found'],
    [99999, 'unknown'],
  ])('%i (%s) → VendorError, not retried', async (code) => {
    const { fake, client, sends } = setup()
    fake.inject({ kind: 'code', code }, { times: 5 })
    const error = (await failure(client.message.send({ ...seed }))) as VendorError
    expect(VendorError.isInstance(error)).toBe(true)
    expect(RateLimitError.isInstance(error) || AuthError.isInstance(error)).toBe(false)
    expect(error).toMatchObject({ code, retryable: false, delivery: 'not-sent', status: 200 })
    expect(error.requestId).toMatch(/^E-O\./)
    expect(sends()).toHaveLength(1)
  })

  it.each([14001, 30004])('%i → RateLimitError, retried within the budget', async (code) => {
    const { fake, client, sends } = setup()
    fake.inject({ kind: 'code', code }, { times: 3 })
    const error = (await failure(client.message.send({ ...seed }))) as RateLimitError
    expect(RateLimitError.isInstance(error)).toBe(true)
    expect(error).toMatchObject({ code, delivery: 'not-sent' })
    expect(sends()).toHaveLength(3)
    expect(fake.inbox).toHaveLength(0)
  })

  it.each([-1, -2, 50009])('%i → VendorError with delivery unknown, never resent', async (code) => {
    const { fake, client, sends } = setup()
    fake.inject({ kind: 'code', code }, { times: 5 })
    const error = (await failure(client.message.send({ ...seed }))) as VendorError
    expect(error).toMatchObject({ name: 'VendorError', code, retryable: true, delivery: 'unknown' })
    expect(sends()).toHaveLength(1)
  })

  it.each([20006, 20015, 10006])('%i → AuthError without a token refresh', async (code) => {
    const { fake, client, sends } = setup()
    fake.inject({ kind: 'code', code }, { times: 5 })
    const error = (await failure(client.message.send({ ...seed }))) as AuthError
    expect(AuthError.isInstance(error)).toBe(true)
    expect(error).toMatchObject({ code, tokenRejected: false })
    expect(sends()).toHaveLength(1)
    expect(fake.tokenCalls).toBe(1)
  })

  it('a timeout or a broken body is surfaced, never resent', async () => {
    const slow = setup({ timeout: 50 })
    slow.fake.inject({ kind: 'delay', ms: 500 })
    const timeout = await failure(slow.client.message.send({ ...seed }))
    expect(TimeoutError.isInstance(timeout) && timeout.delivery).toBe('unknown')
    expect(slow.sends()).toHaveLength(1)
    const broken = setup()
    broken.fake.inject({ kind: 'broken-body' })
    const error = await failure(broken.client.message.send({ ...seed }))
    expect(ResponseError.isInstance(error) && error.delivery).toBe('unknown')
    expect(broken.sends()).toHaveLength(1)
  })
})

describe('message.send validation', () => {
  it.each([
    [{ ...seed, toUser: [] }, 'toUser', 'at least 1 recipient'],
    [{ ...seed, toUser: ['1000', ''] }, 'toUser[1]', 'must not be empty'],
    [{ ...seed, toUser: [1000] }, 'toUser[0]', 'must be a string'],
    [{ ...seed, text: { content: '' } }, 'text.content', 'must not be empty'],
    [{ ...seed, msgType: 'image' }, 'msgType', "must be 'text', 'composite' or 'articles'"],
    [{ ...seed, text: undefined }, 'text', 'is required'],
    [{ ...seed, text: 'plain' }, 'text', 'must be an object'],
    [undefined, '(input)', 'is required'],
    [{ toUser: ['1'], msgType: 'text' }, 'text', 'is required'],
  ])('rejects %#, nothing sent', async (body, path, message) => {
    const { fake, client } = setup()
    const error = (await failure(client.message.send(body as never))) as ValidationError
    expect(ValidationError.isInstance(error)).toBe(true)
    expect(error.issues).toContainEqual({ path, message })
    expect(fake.requests).toHaveLength(0)
  })

  it('requires userId (x-fs-userid) in v2 mode, before fetching a token', async () => {
    const { fake, client } = setup({ userId: undefined })
    const error = (await failure(client.message.send({ ...seed }))) as ValidationError
    expect(error.issues).toEqual([{ path: 'userId', message: 'required (x-fs-userid header)' }])
    expect(fake.requests).toHaveLength(0)
  })
})
