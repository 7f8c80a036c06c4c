import * as core from '@msg/core'
import * as valibot from 'valibot'
import { describe, expect, inject, it } from 'vitest'
import { createEchoClient } from '../../scripts/sandbox/echo-client.mjs'
import { echoId } from '../../scripts/sandbox/echo-handler.mjs'

const { echo } = inject('fakes')

describe('@msg/core in Chromium', () => {
  it('runs in a real browser, not a simulated DOM', () => {
    expect(navigator.userAgent).toMatch(/Chrome\/\d+/)
    expect(core.isBrowserRuntime()).toBe(true)
  })

  it('sends JSON cross-origin to a loopback handler and keeps every digit of a 64-bit id', async () => {
    expect(new URL(echo).origin).not.toBe(location.origin)
    const client = createEchoClient(core, valibot, echo)
    const data = await client.post({ text: 'hi from chromium', count: 2 })
    expect(data.id).toBe(echoId)
    expect(data.echo).toEqual({
      method: 'POST',
      path: '/echo',
      contentType: 'application/json; charset=utf-8',
      body: { text: 'hi from chromium', count: 2 },
    })
  })

  it('turns a failure code into a VendorError with the vendor code and request id', async () => {
    const client = createEchoClient(core, valibot, echo)
    const failure = await client.post({ text: 'x' }, 230002).catch((error: unknown) => error)
    expect(core.VendorError.isInstance(failure)).toBe(true)
    expect(failure).toBeInstanceOf(core.MsgError)
    expect(failure).toMatchObject({ code: 230002, requestId: 'echo-230002', delivery: 'not-sent' })
  })

  it('refuses a long-lived secret unless dangerouslyAllowBrowser is set', () => {
    const attempt = (allow: boolean) => () =>
      core.assertServerSideSecret({
        vendor: 'core',
        setting: 'appSecret',
        present: true,
        dangerouslyAllowBrowser: allow,
      })
    expect(attempt(false)).toThrow(core.ValidationError)
    expect(attempt(false)).toThrow(/refusing `appSecret` in a browser/)
    expect(attempt(true)).not.toThrow()
  })
})
