import { createMemoryDedupeStore } from '@msg/core'
import { describe, expect, it, vi } from 'vitest'
import { createGewe } from '../gewe-client.js'
import { createGeweFake, geweCallbackJson, geweTestCallback, geweTextCallback } from '../testing/index.js'
import type { GeweCallback } from './gewe-callback.js'
import type { GeweInboundMessage } from './gewe-inbound-message.js'
import { createGeweWebhook } from './gewe-webhook.js'
import type { GeweWebhookSettings } from './gewe-webhook-settings.js'

function setup(extra: Partial<GeweWebhookSettings> = {}) {
  const onEvent = vi.fn<(event: GeweCallback) => Promise<void>>()
  const onMessage = vi.fn<(message: GeweInboundMessage) => Promise<void>>()
  const onError = vi.fn()
  const webhook = createGeweWebhook({ onEvent, onMessage, onError, ...extra })
  const post = async (body: object | string, url = 'http://hook.test/gewe', headers = {}) => {
    const text = typeof body === 'string' ? body : geweCallbackJson(body)
    const response = await webhook.fetch(new Request(url, { method: 'POST', headers, body: text }))
    return { status: response.status, text: await response.text() }
  }
  return { webhook, onEvent, onMessage, onError, post }
}

describe('createGeweWebhook', () => {
  it('hands a text message to onEvent and onMessage, answering 200', async () => {
    const { onEvent, onMessage, post } = setup()
    const callback = geweTextCallback('ping', { newMsgId: '7773749793478223190' })
    expect(await post(callback)).toEqual({ status: 200, text: '{"msg":"success"}' })
    expect(onEvent).toHaveBeenCalledOnce()
    expect(onEvent.mock.calls[0]?.[0]).toEqual(callback)
    expect(onMessage.mock.calls[0]?.[0]).toMatchObject({ messageId: '7773749793478223190', text: 'ping' })
  })

  it('with a path secret: a missing or wrong one is 401 before parsing, and no handler runs', async () => {
    const { onEvent, onMessage, post } = setup({ secret: 'hunter2' })
    expect((await post('not even json', 'http://hook.test/gewe')).status).toBe(401)
    const wrong = await post(geweTextCallback('x'), 'http://hook.test/gewe/hunter3')
    expect(wrong.status).toBe(401)
    expect(wrong.text).not.toContain('hunter')
    expect(onEvent).not.toHaveBeenCalled()
    expect(onMessage).not.toHaveBeenCalled()
    expect((await post(geweTextCallback('x'), 'http://hook.test/gewe/hunter2')).status).toBe(200)
    expect(onMessage).toHaveBeenCalledOnce()
  })

  it('with a header secret: only the configured header counts', async () => {
    const { onEvent, post } = setup({ secret: 'hunter2', secretIn: 'header' })
    expect((await post(geweTextCallback('x'), 'http://hook.test/gewe/hunter2')).status).toBe(401)
    expect((await post(geweTextCallback('x'), undefined, { authorization: 'hunter2' })).status).toBe(200)
    expect(onEvent).toHaveBeenCalledOnce()
  })

  it('answers a duplicate Appid + NewMsgId 200 without running a handler', async () => {
    const { onEvent, post } = setup()
    const callback = geweTextCallback('twice')
    await post(callback)
    expect(await post(callback)).toMatchObject({ status: 200 })
    expect(onEvent).toHaveBeenCalledOnce()
    // The same NewMsgId on another device is another message.
    expect((await post({ ...callback, Appid: 'wx_other' })).status).toBe(200)
    expect(onEvent).toHaveBeenCalledTimes(2)
  })

  it('answers 500 when a handler throws and handles the redelivery', async () => {
    const { onMessage, onError, post } = setup()
    onMessage.mockRejectedValueOnce(new Error('database down'))
    const callback = geweTextCallback('retry me')
    expect((await post(callback)).status).toBe(500)
    expect(onError).toHaveBeenCalledOnce()
    expect((await post(callback)).status).toBe(200)
    expect(onMessage).toHaveBeenCalledTimes(2)
  })

  it('answers control packets 200 and malformed bodies 400, running no handler', async () => {
    const { onEvent, post } = setup()
    expect((await post(geweTestCallback())).status).toBe(200)
    expect((await post({ msg: '设置订阅成功!!', callBackUrl: 'http://hook.test/gewe' })).status).toBe(200)
    const malformed = await post('{"hello":"world"}')
    expect(malformed.status).toBe(400)
    expect(malformed.text).not.toContain('world')
    expect((await post('{')).status).toBe(400)
    expect(onEvent).not.toHaveBeenCalled()
  })

  it('refuses anything but POST with 405', async () => {
    const { webhook } = setup()
    expect((await webhook.fetch(new Request('http://hook.test/gewe'))).status).toBe(405)
  })

  it('leaves the account’s own messages and non-text messages to onEvent', async () => {
    const { onEvent, onMessage, post } = setup()
    await post(geweTextCallback('from my phone', { from: 'wxid_fake_bot', to: 'wxid_amy' }))
    const image = geweTextCallback('<msg><img/></msg>')
    image.Data.MsgType = 3
    await post(image)
    await post({ TypeName: 'Offline', Appid: 'wx_fake_app', Wxid: 'wxid_fake_bot' })
    expect(onEvent).toHaveBeenCalledTimes(3)
    expect(onMessage).not.toHaveBeenCalled()
  })

  it('hands the account’s own messages to onMessage with includeSelf', async () => {
    const { onMessage, post } = setup({ includeSelf: true })
    await post(geweTextCallback('from my phone', { from: 'wxid_fake_bot', to: 'wxid_amy' }))
    expect(onMessage.mock.calls[0]?.[0]).toMatchObject({ chatId: 'wxid_amy', senderId: 'wxid_fake_bot' })
  })

  it('shares a Keyv-compatible store under the gewe: prefix', async () => {
    const store = createMemoryDedupeStore()
    const first = setup({ dedupe: store })
    const second = setup({ dedupe: store })
    const callback = geweTextCallback('once', { newMsgId: '9223372036854775807', appid: 'wx_a' })
    await first.post(callback)
    await second.post(callback)
    expect(second.onEvent).not.toHaveBeenCalled()
    expect(await store.get('gewe:wx_a:9223372036854775807')).toBe(true)
  })

  it('with respond: before-handler, answers first and finishes in waitUntil', async () => {
    const { webhook, onMessage, onError } = setup({ respond: 'before-handler' })
    let release = () => {}
    onMessage.mockImplementation(() => new Promise<void>((resolve) => (release = resolve)))
    const pending: Promise<unknown>[] = []
    const request = new Request('http://hook.test/gewe', {
      method: 'POST',
      body: geweCallbackJson(geweTextCallback('slow')),
    })
    const response = await webhook.fetch(request, { waitUntil: (promise) => pending.push(promise) })
    expect(response.status).toBe(200)
    expect(pending).toHaveLength(1)
    release()
    await Promise.all(pending)
    expect(onMessage).toHaveBeenCalledOnce()
    expect(onError).not.toHaveBeenCalled()
  })

  it('hands a version 2 callback to onEvent only', async () => {
    const { onEvent, onMessage, post } = setup()
    await post('{"appid":"wx_a","newMsgId":9223372036854775807,"msgType":1,"content":"hi"}')
    expect(onEvent.mock.calls[0]?.[0]).toMatchObject({ newMsgId: '9223372036854775807' })
    expect(onMessage).not.toHaveBeenCalled()
  })

  it('replies again when the handler runs again on a redelivery (GeWe has no idempotency key)', async () => {
    const fake = createGeweFake({ token: 't' })
    const client = createGewe({ token: 't', fetch: fake.fetch, pacing: false })
    const { onMessage, post } = setup({ client })
    onMessage.mockImplementation(async (message) => {
      await message.reply('pong')
    })
    onMessage.mockImplementationOnce(async (message) => {
      await message.reply('pong')
      throw new Error('failed after replying')
    })
    const callback = geweTextCallback('ping')
    expect([(await post(callback)).status, (await post(callback)).status]).toEqual([500, 200])
    expect(fake.inbox.map((entry) => entry.content)).toEqual(['pong', 'pong'])
  })
})
