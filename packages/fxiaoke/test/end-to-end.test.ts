import { MsgError, NetworkError, VendorError } from '@msg/core'
import { type ServedHandler, serve } from '@msg/core/testing'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createFxiaoke } from '../src/index.js'
import { createFxiaokeFake, fxiaokeSandbox } from '../src/testing/index.js'

const credentials = {
  appId: 'FSAID_fake',
  appSecret: 'fake-app-secret',
  permanentCode: 'fake-permanent-code',
  userId: '1000',
}

describe('end to end over HTTP on 127.0.0.1', () => {
  const fake = createFxiaokeFake()
  let served: ServedHandler
  beforeAll(async () => {
    served = await serve(fake.handle)
  })
  afterAll(() => served.close())
  afterEach(() => fake.reset())

  const client = () =>
    createFxiaoke({ ...credentials, baseURL: served.url, retry: { limit: 2, backoffLimit: 1 } })

  it('fetches a token, sends in batches, and surfaces faults without resending', async () => {
    const fxiaoke = client()
    const recipients = Array.from({ length: 700 }, (_, index) => `${index + 1}`)
    const sent = await fxiaoke.sendText({ toUser: recipients }, 'over the wire')
    expect(sent.batches.map((batch) => batch.toUser.length)).toEqual([500, 200])
    expect(fake.inbox.flatMap((message) => message.toUser)).toEqual(recipients)
    expect(fake.requests[1]?.headers['user-agent']).toBe('msg-fxiaoke/0.1.0')
    expect(fake.requests[1]?.url).toMatch(new RegExp(`^${served.url}/cgi/message/send\\?thirdTraceId=`))

    fake.inject({ kind: 'server-error' })
    const busy = await fxiaoke.sendText({ toUser: ['1'] }, 'x').catch((error: unknown) => error)
    expect(VendorError.isInstance(busy) && busy.delivery).toBe('unknown')

    fake.inject({ kind: 'drop' })
    const before = fake.requests.length
    const dropped = await fxiaoke.sendText({ toUser: ['1'] }, 'y').catch((error: unknown) => error)
    expect(NetworkError.isInstance(dropped) && dropped.delivery).toBe('unknown')
    expect(fake.requests.length - before).toBe(1)
  })

  it('the sandbox descriptor: its client sends to its fake with the sample credentials and target', async () => {
    const sandboxFake = fxiaokeSandbox.createFake()
    const sandboxServed = await serve(sandboxFake.handle)
    try {
      const sandbox = fxiaokeSandbox.createClient(`${sandboxServed.url}${fxiaokeSandbox.basePath}`)
      const sent = await sandbox.sendText(fxiaokeSandbox.target, 'sandbox')
      expect(sent.vendor).toBe('fxiaoke')
      expect(sandboxFake.inbox).toMatchObject([
        { toUser: ['FSUID_sandbox_user'], userId: 'FSUID_sandbox_admin' },
      ])
    } finally {
      await sandboxServed.close()
    }
  })
})

describe('msw handlers', () => {
  const fake = createFxiaokeFake()
  const mocks = setupServer(...fake.mswHandlers(), ...fake.mswHandlers('https://open-na.sharecrm.com'))
  beforeAll(() => mocks.listen({ onUnhandledRequest: 'error' }))
  afterAll(() => mocks.close())
  afterEach(() => fake.reset())

  it('answers the default cloud and another one, through the global fetch', async () => {
    for (const cloud of ['fxiaoke', 'na'] as const) {
      const client = createFxiaoke({ ...credentials, cloud })
      const result = await client.message.send({ toUser: ['1'], msgType: 'text', text: { content: 'msw' } })
      expect(result.traceId).toBe(fake.inbox.at(-1)?.traceId)
    }
    expect(new Set(fake.requests.map((request) => new URL(request.url).origin))).toEqual(
      new Set(['https://open.fxiaoke.com', 'https://open-na.sharecrm.com']),
    )
  })

  it('a dropped connection is a network error through msw: delivery unknown, not resent', async () => {
    const client = createFxiaoke({ ...credentials, retry: { limit: 2, backoffLimit: 1 } })
    await client.sendText({ toUser: ['1'] }, 'token first')
    fake.inject({ kind: 'drop' })
    const error = await client.sendText({ toUser: ['1'] }, 'dropped').catch((caught: unknown) => caught)
    expect(NetworkError.isInstance(error)).toBe(true)
    expect(MsgError.isInstance(error) && error.delivery).toBe('unknown')
    expect(fake.requests.filter((request) => request.path === '/cgi/message/send')).toHaveLength(2)
  })
})
