import { MsgError } from '@msg/core'
import { describe, expect, it } from 'vitest'
import { encryptKey, post, secure, setup, verificationToken } from '../../test/webhook-requests.js'
import { feishuTextMessageEvent } from '../testing/index.js'
import { createFeishuWebhook } from './feishu-webhook.js'

const challenge = { payload: { challenge: 'ch-1', token: verificationToken, type: 'url_verification' } }

describe('createFeishuWebhook: authenticity', () => {
  it('answers the plain challenge with { challenge } after the token check', async () => {
    const { webhook } = setup({}, {})
    const { response, text } = await post(webhook, challenge, {})
    expect(response.status).toBe(200)
    expect(JSON.parse(text)).toEqual({ challenge: 'ch-1' })
    const wrong = { payload: { ...challenge.payload, token: 'nope' } }
    expect((await post(webhook, wrong, {})).response.status).toBe(401)
  })

  it('answers the encrypted, unsigned challenge in plaintext', async () => {
    const { webhook } = setup()
    const { response, text } = await post(webhook, challenge, { encryptKey, sign: false })
    expect(response.status).toBe(200)
    expect(JSON.parse(text)).toEqual({ challenge: 'ch-1' })
  })

  it('refuses a bad signature, a tampered body, a wrong token, a stale timestamp and an unsigned event', async () => {
    const { webhook, onEvent, onMessage } = setup()
    const event = feishuTextMessageEvent('hi')
    const cases = [
      await post(webhook, event, secure, (push) => {
        push.headers['x-lark-signature'] = '0'.repeat(64)
      }),
      await post(webhook, event, { ...secure, encrypt: false }, (push) => {
        push.body = push.body.replace('hi', 'ho')
      }),
      await post(webhook, event, { ...secure, verificationToken: 'wrong-token' }),
      await post(webhook, event, { ...secure, now: () => Date.now() - 301_000 }),
      await post(webhook, event, { ...secure, sign: false }),
      await post(webhook, event, { ...secure, sign: 'legacy-card' }),
    ]
    for (const { response, text, push } of cases) {
      expect(response.status).toBe(401)
      expect(text).not.toContain(encryptKey)
      expect(text).not.toContain(verificationToken)
      expect(text).not.toContain(push.headers['x-lark-signature'] ?? 'no signature')
    }
    expect(onEvent).not.toHaveBeenCalled()
    expect(onMessage).not.toHaveBeenCalled()
  })

  it('accepts a timestamp inside a configured window and refuses one outside it', async () => {
    const { webhook, onEvent } = setup({ timestampToleranceSeconds: 10 })
    const at = (offset: number) => ({ ...secure, now: () => Date.now() + offset })
    expect((await post(webhook, feishuTextMessageEvent('a'), at(-9_000))).response.status).toBe(200)
    expect((await post(webhook, feishuTextMessageEvent('b'), at(11_000))).response.status).toBe(401)
    expect(onEvent).toHaveBeenCalledTimes(1)
  })

  it('without an encryptKey, takes plain events on the token alone', async () => {
    const { webhook, onEvent } = setup({}, {})
    expect((await post(webhook, feishuTextMessageEvent('hi'), {})).response.status).toBe(200)
    expect(
      (await post(webhook, feishuTextMessageEvent('hi'), { verificationToken: 'x' })).response.status,
    ).toBe(401)
    expect(onEvent).toHaveBeenCalledTimes(1)
  })

  it('without an encryptKey, ignores a signature it cannot check but still refuses a stale timestamp', async () => {
    const { webhook, onEvent } = setup({}, {})
    const signed = { encryptKey: 'console-only key', encrypt: false, sign: true }
    expect((await post(webhook, feishuTextMessageEvent('a'), signed)).response.status).toBe(200)
    const stale = { ...signed, now: () => Date.now() - 600_000 }
    expect((await post(webhook, feishuTextMessageEvent('b'), stale)).response.status).toBe(401)
    expect(onEvent).toHaveBeenCalledTimes(1)
  })

  it('answers 400 for a body that is not JSON or not Feishu-shaped, and 405 for GET', async () => {
    const { webhook, onEvent } = setup({}, {})
    const request = (body: string) => webhook.fetch(new Request('http://h.test', { method: 'POST', body }))
    expect((await request('not json')).status).toBe(400)
    expect((await request('{"schema":"2.0"}')).status).toBe(400)
    expect((await request('[1]')).status).toBe(400)
    expect((await webhook.fetch(new Request('http://h.test'))).status).toBe(405)
    expect(onEvent).not.toHaveBeenCalled()
  })

  it('throws a MsgError for a missing verificationToken', () => {
    expect(() => createFeishuWebhook({ verificationToken: '' })).toThrow(MsgError)
  })
})
