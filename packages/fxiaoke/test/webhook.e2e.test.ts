import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { toNodeListener } from '@msg/core/node'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { buildFxiaokePush, createFxiaokeFake, fxiaokeMessageEvent } from '../src/testing/index.js'
import { createFxiaokeWebhook, type FxiaokeEvent } from '../src/webhook/index.js'

const secrets = { token: 'e2e_token', encodingAesKey: '0123456789abcdefghijklmnopqrstuvwxyzABCDEFG' }
const fake = createFxiaokeFake()
const onEvent = vi.fn<(event: FxiaokeEvent) => Promise<void>>()
const webhook = createFxiaokeWebhook({ ...secrets, onEvent: (event) => onEvent(event), onError: () => {} })
const listener = toNodeListener(webhook, { onError: () => {} })
const server = createServer(listener)
let url = ''

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/fxiaoke/callback`
})
afterAll(async () => {
  await listener.drain()
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
})
beforeEach(() => {
  onEvent.mockReset()
  onEvent.mockResolvedValue(undefined)
})

const post = async (body: string) => {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body })
  return { status: response.status, text: await response.text() }
}

describe('Fxiaoke webhook over real HTTP (toNodeListener on node:http, 127.0.0.1)', () => {
  it('hands a valid push to onEvent once, with its 64-bit id exact, and answers success', async () => {
    const content = '{"MsgType":"text","MsgId":9223372036854775807,"Content":"ping"}'
    const delivery = await fake.deliver(url, { type: 'Message', content }, secrets)
    expect(delivery.delivered).toBe(true)
    expect(delivery.attempts).toEqual([{ status: 200, body: 'success' }])
    expect(onEvent).toHaveBeenCalledOnce()
    const event = onEvent.mock.calls[0]?.[0]
    expect(event?.message?.MsgId).toBe('9223372036854775807')
    expect(event?.message).toEqual({ MsgType: 'text', MsgId: '9223372036854775807', Content: 'ping' })
  })

  it('refuses tampered content and a wrong signature with 401, running no handler', async () => {
    const push = await buildFxiaokePush(fxiaokeMessageEvent('text', { Content: 'tamper' }), secrets)
    const at = Math.floor(push.fields.content.length / 2)
    const swapped = push.fields.content[at] === 'A' ? 'B' : 'A'
    const tampered = `${push.fields.content.slice(0, at)}${swapped}${push.fields.content.slice(at + 1)}`
    const answers = [
      await post(JSON.stringify({ ...push.fields, content: tampered })),
      await post(JSON.stringify({ ...push.fields, sig: 'f'.repeat(40) })),
      await post(JSON.stringify({ ...push.fields, sig: undefined })),
    ]
    expect(answers.map((answer) => answer.status)).toEqual([401, 401, 401])
    for (const answer of answers) {
      expect(answer.text).not.toContain(push.fields.sig)
      expect(answer.text).not.toContain(secrets.token)
    }
    expect(onEvent).not.toHaveBeenCalled()
  })

  it('handles a duplicate push once, answering success both times', async () => {
    const push = await buildFxiaokePush(fxiaokeMessageEvent('event', { Event: 'dup' }), secrets)
    expect(await post(push.body)).toEqual({ status: 200, text: 'success' })
    expect(await post(push.body)).toEqual({ status: 200, text: 'success' })
    expect(onEvent).toHaveBeenCalledOnce()
  })

  it('answers 500 when the handler throws, and the fake’s one retry is handled', async () => {
    onEvent.mockRejectedValueOnce(new Error('database down'))
    const delivery = await fake.deliver(url, fxiaokeMessageEvent('text', { Content: 'retry me' }), secrets)
    expect(delivery.attempts.map((attempt) => attempt.status)).toEqual([500, 200])
    expect(delivery.attempts[1]?.body).toBe('success')
    expect(delivery.delivered).toBe(true)
    expect(onEvent).toHaveBeenCalledTimes(2)
  })

  it('stops after the one retry when the handler keeps failing', async () => {
    onEvent.mockRejectedValue(new Error('still down'))
    const delivery = await fake.deliver(url, fxiaokeMessageEvent('text'), secrets)
    expect(delivery.delivered).toBe(false)
    expect(delivery.attempts.map((attempt) => attempt.status)).toEqual([500, 500])
  })
})
