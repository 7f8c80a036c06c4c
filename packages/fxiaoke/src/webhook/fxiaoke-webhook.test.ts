import { MsgError } from '@msg/core'
import { describe, expect, it, vi } from 'vitest'
import { buildFxiaokePush } from '../testing/fxiaoke-deliver.js'
import { fxiaokeMessageEvent, fxiaokePermanentCodeEvent } from '../testing/fxiaoke-sample-events.js'
import { encryptFxiaoke } from './fxiaoke-cipher.js'
import type { FxiaokeEvent } from './fxiaoke-event.js'
import { fxiaokeSignature } from './fxiaoke-signature.js'
import { createFxiaokeWebhook } from './fxiaoke-webhook.js'
import type { FxiaokeWebhookSettings } from './fxiaoke-webhook-settings.js'

const secrets = { token: 'unit_token', encodingAesKey: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG' }
const url = 'https://bot.example.test/fxiaoke'
const post = (body: string, method = 'POST') =>
  new Request(url, {
    method,
    body: method === 'POST' ? body : null,
    headers: { 'content-type': 'application/json' },
  })

function setup(extra: Partial<FxiaokeWebhookSettings> = {}) {
  const events: FxiaokeEvent[] = []
  const onError = vi.fn()
  const webhook = createFxiaokeWebhook({
    ...secrets,
    onEvent: (event) => void events.push(event),
    onError,
    ...extra,
  })
  return { webhook, events, onError }
}

/** A push of any plaintext, signed correctly. */
async function signed(plaintext: string, options: { receiverId?: string; timeStamp?: string } = {}) {
  const content = await encryptFxiaoke(secrets.encodingAesKey, plaintext, options)
  const timeStamp = options.timeStamp ?? String(Date.now())
  const sig = await fxiaokeSignature(secrets.token, timeStamp, 'nonce1', content)
  return JSON.stringify({ nonce: 'nonce1', timeStamp, content, sig })
}

describe('createFxiaokeWebhook', () => {
  it('answers success once verified and hands onEvent the decrypted push with exact ids', async () => {
    const { webhook, events } = setup()
    const push = await buildFxiaokePush(
      { type: 'Message', content: '{"MsgType":"text","MsgId":9223372036854775807,"n":1}' },
      secrets,
    )
    const response = await webhook.fetch(post(push.body))
    expect(response.status).toBe(200)
    expect(await response.text()).toBe('success')
    expect(events).toHaveLength(1)
    expect(events[0]?.type).toBe('Message')
    expect(events[0]?.message).toEqual({ MsgType: 'text', MsgId: '9223372036854775807', n: 1 })
    expect(events[0]?.content).toBe('{"MsgType":"text","MsgId":9223372036854775807,"n":1}')
  })

  it('passes a PermanentCode push through with its content as pushed', async () => {
    const { webhook, events } = setup()
    const push = await buildFxiaokePush(fxiaokePermanentCodeEvent('PC_123'), secrets)
    expect((await webhook.fetch(post(push.body))).status).toBe(200)
    expect(events).toEqual([{ type: 'PermanentCode', content: 'PC_123' }])
  })

  it('accepts timeStamp as a JSON integer', async () => {
    const { webhook, events } = setup()
    const push = await buildFxiaokePush(fxiaokeMessageEvent('event'), secrets)
    const body = JSON.stringify({ ...push.fields, timeStamp: Number(push.fields.timeStamp) })
    expect((await webhook.fetch(post(body))).status).toBe(200)
    expect(events).toHaveLength(1)
  })

  it('refuses missing, wrong and stale signatures with 401, runs nothing, reveals nothing', async () => {
    const { webhook, events } = setup()
    const push = await buildFxiaokePush(fxiaokeMessageEvent('text'), secrets)
    const { sig, ...unsigned } = push.fields
    const wrong = { ...push.fields, sig: `${sig.slice(0, -1)}${sig.endsWith('0') ? '1' : '0'}` }
    const stale = await signed('{"type":"Message","content":"{}"}', {
      timeStamp: String(Date.now() - 501_000),
    })
    const notNumeric = { ...push.fields, timeStamp: 'soon' }
    for (const body of [JSON.stringify(unsigned), JSON.stringify(wrong), stale, JSON.stringify(notNumeric)]) {
      const response = await webhook.fetch(post(body))
      const text = await response.text()
      expect(response.status).toBe(401)
      expect(text).not.toContain(secrets.token)
      expect(text).not.toContain(sig)
    }
    expect(events).toHaveLength(0)
  })

  it('accepts an older timeStamp when the tolerance allows it', async () => {
    const { webhook } = setup({ timestampToleranceSeconds: 1000 })
    const stale = await signed('{"type":"Message","content":"{}"}', {
      timeStamp: String(Date.now() - 600_000),
    })
    expect((await webhook.fetch(post(stale))).status).toBe(200)
  })

  it('answers 400 for what is not Fxiaoke’s shape, 405 for other methods', async () => {
    const { webhook, events } = setup()
    expect((await webhook.fetch(post('not json'))).status).toBe(400)
    expect((await webhook.fetch(post('[]'))).status).toBe(400)
    expect((await webhook.fetch(post('{"sig":"x"}'))).status).toBe(400)
    expect((await webhook.fetch(post('', 'GET'))).status).toBe(405)
    for (const plaintext of ['not json', '{"type":"Message"}', '{"type":"Message","content":"[1]"}']) {
      const response = await webhook.fetch(post(await signed(plaintext)))
      expect(response.status).toBe(400)
    }
    expect(events).toHaveLength(0)
  })

  it('answers 400 when a signed content does not decrypt (another EncodingAESKey)', async () => {
    const { webhook, events } = setup({ encodingAesKey: 'ZYXWVUTSRQPONMLKJIHGFEDCBA9876543210abcdefg' })
    const response = await webhook.fetch(post(await signed('{"type":"Message","content":"{}"}')))
    expect(response.status).toBe(400)
    expect(events).toHaveLength(0)
  })

  it('checks the receiver id only when configured', async () => {
    const plaintext = '{"type":"Message","content":"{}"}'
    const checked = setup({ receiverId: 'FSAID_mine' })
    expect(
      (await checked.webhook.fetch(post(await signed(plaintext, { receiverId: 'FSAID_other' })))).status,
    ).toBe(401)
    expect(
      (await checked.webhook.fetch(post(await signed(plaintext, { receiverId: 'FSAID_mine' })))).status,
    ).toBe(200)
    const unchecked = setup()
    expect((await unchecked.webhook.fetch(post(await signed(plaintext, { receiverId: 'any' })))).status).toBe(
      200,
    )
  })

  it('handles a push once; a throwing handler answers 500 and its re-push is handled', async () => {
    let fail = true
    const onEvent = vi.fn(() => {
      if (fail) throw new Error('down')
    })
    const { webhook, onError } = setup({ onEvent })
    const push = await buildFxiaokePush(fxiaokeMessageEvent('text'), secrets)
    expect((await webhook.fetch(post(push.body))).status).toBe(500)
    expect(onError).toHaveBeenCalledOnce()
    fail = false
    expect(await (await webhook.fetch(post(push.body))).text()).toBe('success')
    expect(await (await webhook.fetch(post(push.body))).text()).toBe('success')
    expect(onEvent).toHaveBeenCalledTimes(2)
  })

  it('dedupes on dedupeKey when given, across re-encrypted pushes', async () => {
    const { webhook, events } = setup({ dedupeKey: (event) => event.message?.MsgId as string | undefined })
    const input = fxiaokeMessageEvent('text', { MsgId: 'm1' })
    for (let round = 0; round < 2; round += 1) {
      const push = await buildFxiaokePush(input, secrets)
      expect((await webhook.fetch(post(push.body))).status).toBe(200)
    }
    expect(events).toHaveLength(1)
  })

  it('with respond before-handler, answers success first and finishes in waitUntil', async () => {
    let release = () => {}
    const gate = new Promise<void>((resolve) => {
      release = resolve
    })
    const onEvent = vi.fn(() => gate)
    const { webhook } = setup({ onEvent, respond: 'before-handler' })
    const tasks: Promise<unknown>[] = []
    const push = await buildFxiaokePush(fxiaokeMessageEvent('text'), secrets)
    const response = await webhook.fetch(post(push.body), { waitUntil: (task) => tasks.push(task) })
    expect(await response.text()).toBe('success')
    expect(tasks).toHaveLength(1)
    release()
    await Promise.all(tasks)
    expect(onEvent).toHaveBeenCalledOnce()
  })

  it('refuses bad settings with a MsgError naming the setting', () => {
    const onEvent = () => {}
    expect(() => createFxiaokeWebhook({ ...secrets, token: '', onEvent })).toThrow(MsgError)
    expect(() => createFxiaokeWebhook({ ...secrets, encodingAesKey: 'short', onEvent })).toThrow(
      /encodingAesKey/,
    )
    expect(() => createFxiaokeWebhook({ ...secrets } as FxiaokeWebhookSettings)).toThrow(/onEvent/)
  })
})
