// createHttpClient over a real loopback server: every failure converted into the error family, secrets
// redacted from what hooks and errors show, and failures before sending reported as not-sent.
import { describe, expect, it } from 'vitest'
import { answer, client, json, seen, send, serveLoopback } from '../../test/http-client-loopback.js'
import { MsgError, VendorError } from '../index.js'

serveLoopback()

describe('createHttpClient against a real loopback server', () => {
  it('converts every failure into the error family, and hooks see only redacted data', async () => {
    const events: unknown[] = []
    const http = client({
      hooks: {
        request: (event) => events.push(event),
        response: (event) => events.push(event),
        error: (event) => events.push(event),
      },
    })
    answer(() => json({ code: 400001, msg: 'token super-secret-token invalid' }))
    const error = await send(http).catch((caught: unknown) => caught)
    expect(VendorError.isInstance(error)).toBe(true)
    const dump = JSON.stringify(events) + String(error) + JSON.stringify(error)
    expect(dump).not.toContain('super-secret-token')
    expect(events).toHaveLength(3)
    expect(events[0]).toMatchObject({
      operation: 'message.send',
      attempt: 0,
      headers: { authorization: '[redacted]' },
    })
    expect(events[1]).toMatchObject({ status: 200, body: { code: 400001 } })
  })

  it('survives a throwing hook and reports warnings through the warning hook', async () => {
    const warnings: string[] = []
    const http = client({
      hooks: {
        request: () => {
          throw new Error('observer bug')
        },
        warning: (event) => warnings.push(event.message),
      },
    })
    await expect(send(http)).resolves.toEqual({ message_id: 'om_1' })
    http.warn('store down: super-secret-token')
    expect(warnings).toEqual(['[@msg/feishu] store down: [redacted]'])
  })

  it('wraps a failure to prepare the request as not-sent', async () => {
    const error = await send(client(), {
      auth: {
        credentials: () => {
          throw new Error('signing failed')
        },
      },
    }).catch((caught: unknown) => caught)
    expect(MsgError.isInstance(error)).toBe(true)
    expect(error).toMatchObject({ vendor: 'feishu', delivery: 'not-sent' })
    expect(String(error)).toContain(
      'message.send POST /open-apis/message/v4/send/: nothing was sent: signing failed',
    )
    expect(seen).toHaveLength(0)
  })

  it('wraps a body that cannot be serialised as not-sent', async () => {
    const error = await send(client(), { body: { big: 1n } }).catch((caught: unknown) => caught)
    expect(error).toMatchObject({ vendor: 'feishu', delivery: 'not-sent' })
    expect(seen).toHaveLength(0)
  })
})
