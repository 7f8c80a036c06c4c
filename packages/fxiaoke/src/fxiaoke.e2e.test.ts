import { NetworkError, VendorError } from '@msg/core'
import { type ServedHandler, serve } from '@msg/core/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createFxiaoke } from './fxiaoke-client.js'
import { createFxiaokeFake } from './testing/index.js'

describe('end to end over HTTP on 127.0.0.1', () => {
  const fake = createFxiaokeFake()
  let served: ServedHandler
  beforeAll(async () => {
    served = await serve(fake.handle)
  })
  afterAll(() => served.close())

  const client = () =>
    createFxiaoke({
      appId: 'FSAID_fake',
      appSecret: 'fake-app-secret',
      permanentCode: 'fake-permanent-code',
      userId: '1000',
      baseURL: served.url,
      retry: { limit: 2, backoffLimit: 1 },
    })

  it('fetches a token, sends in batches, and surfaces faults without resending', async () => {
    const fxiaoke = client()
    const recipients = Array.from({ length: 700 }, (_, index) => `${index + 1}`)
    const sent = await fxiaoke.sendText({ toUser: recipients }, 'over the wire')
    expect(sent.batches.map((batch) => batch.toUser.length)).toEqual([500, 200])
    expect(fake.inbox.flatMap((message) => message.toUser)).toEqual(recipients)
    expect(fake.requests[1]?.headers['user-agent']).toBe('msg-fxiaoke/0.1.0')

    fake.inject({ kind: 'server-error' })
    const busy = await fxiaoke.sendText({ toUser: ['1'] }, 'x').catch((error: unknown) => error)
    expect(VendorError.isInstance(busy) && busy.delivery).toBe('unknown')

    fake.inject({ kind: 'drop' })
    const before = fake.requests.length
    const dropped = await fxiaoke.sendText({ toUser: ['1'] }, 'y').catch((error: unknown) => error)
    expect(NetworkError.isInstance(dropped) && dropped.delivery).toBe('unknown')
    expect(fake.requests.length - before).toBe(1)
  })
})
