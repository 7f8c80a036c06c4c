import type { TransportHooks } from '@msg/core'
import { serve } from '@msg/core/testing'
import { describe, expect, it } from 'vitest'
import { createFeishuBot } from '../src/bot/index.js'
import { secret, served, servedBot, token } from './bot-served.js'

describe('custom bot secrets', () => {
  /** Everything about an error a log could print: message, stack, JSON, properties, causes. */
  const everything = (value: unknown, depth = 0): string => {
    if (!(value instanceof Error) || depth > 4) return JSON.stringify(value) ?? String(value)
    const own = Object.fromEntries(Object.entries(value))
    return [
      value.message,
      value.stack,
      JSON.stringify(own),
      String(value),
      everything(value.cause, depth + 1),
    ].join('\n')
  }

  it('keeps the hook token, the secret and the signature out of errors and hook payloads', async () => {
    const events: unknown[] = []
    const hooks: TransportHooks = {
      request: (event) => events.push(event),
      response: (event) => events.push(event),
      error: (event) => events.push({ ...event, error: everything(event.error) }),
    }
    const { fake, settings } = await servedBot({ secret })
    const errors: unknown[] = []
    const collect = (promise: Promise<unknown>) =>
      promise.then(
        () => undefined,
        (error) => errors.push(error),
      )
    await collect(createFeishuBot({ ...settings, secret, hooks }).sendText('ok'))
    await collect(createFeishuBot({ ...settings, secret: `${secret}-wrong`, hooks }).sendText('19021'))
    fake.inject({ kind: 'server-error' })
    await collect(createFeishuBot({ ...settings, secret, hooks }).sendText('500'))
    fake.inject({ kind: 'delay', ms: 90 })
    await collect(createFeishuBot({ ...settings, secret, hooks, timeout: 40 }).sendText('timeout'))
    fake.inject({ kind: 'drop' })
    await collect(createFeishuBot({ ...settings, secret, hooks, retry: 0 }).sendText('reset'))
    // A server that echoes the URL and the body (with the secret) into its message.
    const echo = await served(async (request) =>
      Response.json(
        { code: 9499, msg: `bad ${request.url} ${await request.text()} ${secret}` },
        { status: 400 },
      ),
    )
    await collect(createFeishuBot({ ...settings, baseURL: echo.url, secret, hooks }).sendText('echo'))
    const closed = await serve(async () => new Response('x'))
    await closed.close()
    await collect(
      createFeishuBot({ ...settings, baseURL: closed.url, secret, hooks, retry: 0 }).sendText('refused'),
    )
    try {
      createFeishuBot({ webhook: `http://open.feishu.cn/open-apis/bot/v2/hook/${token}`, secret })
    } catch (error) {
      errors.push(error)
    }
    expect(errors).toHaveLength(7)
    const signatures = fake.requests.map((request) => (request.body as { sign: string }).sign)
    expect(signatures.length).toBeGreaterThanOrEqual(4)
    const printed = [...errors.map((error) => everything(error)), JSON.stringify(events)].join('\n')
    expect(printed).toContain('/open-apis/bot/v2/hook/[redacted]')
    expect(printed).toContain('vendor code 19021')
    for (const value of [token, secret, ...signatures]) expect(printed).not.toContain(value)
    const request = events.find((event) => (event as { body?: unknown }).body !== undefined) as {
      url: string
      body: { sign: string; content: unknown }
    }
    expect(request.url).toBe(`${settings.baseURL}/open-apis/bot/v2/hook/[redacted]`)
    expect(request.body).toMatchObject({ sign: '[redacted]', content: { text: 'ok' } })
  })
})
