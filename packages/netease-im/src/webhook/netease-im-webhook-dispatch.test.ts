import { createMemoryDedupeStore } from '@msg/core'
import { describe, expect, it, vi } from 'vitest'
import { credentials, post, setup } from '../../test/copy-requests.js'
import { buildNeteaseImCopy } from '../testing/netease-im-deliver.js'
import { neteaseImLoginCopy, neteaseImMessageCopy } from '../testing/netease-im-sample-copies.js'

const big = '9223372036854775807'

describe('createNeteaseImWebhook: dispatch', () => {
  it('gives onMessage the cross-vendor message of a one-to-one text, ids exact', async () => {
    const { webhook, onEvent, onMessage } = setup()
    const copy = neteaseImMessageCopy('你好', { msgidServer: big, fromAccount: 'alice', to: 'bot' })
    expect((await post(webhook, copy)).response.status).toBe(200)
    expect(onEvent).toHaveBeenCalledOnce()
    expect(onMessage).toHaveBeenCalledOnce()
    const message = onMessage.mock.calls[0]?.[0]
    expect(message).toMatchObject({
      vendor: 'netease-im',
      messageId: big,
      chatId: 'p2p:alice|bot',
      senderId: 'alice',
      text: '你好',
      raw: { eventType: '1', msgidServer: big, convType: 'PERSON' },
    })
  })

  it('gives team messages a team chatId, leaves text out for non-text types, and skips onMessage for other events', async () => {
    const { webhook, onEvent, onMessage } = setup()
    await post(webhook, neteaseImMessageCopy('t', { convType: 'TEAM', to: '12345', fromAccount: 'bob' }))
    await post(webhook, neteaseImMessageCopy('{"url":"x"}', { msgType: 'PICTURE' }))
    await post(webhook, { ...neteaseImMessageCopy('n'), convType: 'CUSTOM_PERSON' })
    await post(webhook, neteaseImLoginCopy('carol'))
    await post(webhook, neteaseImLoginCopy('carol', 'logout'))
    await post(webhook, { eventType: 7, msgidServer: '42', fromAccount: 'a', to: 'b' })
    expect(onEvent).toHaveBeenCalledTimes(6)
    expect(onMessage).toHaveBeenCalledTimes(2)
    expect(onMessage.mock.calls[0]?.[0]).toMatchObject({ chatId: 'team:12345', senderId: 'bob', text: 't' })
    expect(onMessage.mock.calls[1]?.[0].text).toBeUndefined()
    expect(onEvent.mock.calls.map(([event]) => String(event.eventType))).toEqual([
      '1',
      '1',
      '1',
      '2',
      '3',
      '7',
    ])
  })

  it('runs the handler once per msgidServer, and once per body for copies without one', async () => {
    const { webhook, onEvent } = setup()
    const copy = neteaseImMessageCopy('once', { msgidServer: big })
    const login = neteaseImLoginCopy('dave')
    for (let round = 0; round < 3; round += 1) {
      expect((await post(webhook, copy)).response.status).toBe(200)
      expect((await post(webhook, login)).response.status).toBe(200)
    }
    // Another event type with the same server id (a recall of that message) is its own event.
    await post(webhook, { eventType: '7', msgidServer: big, fromAccount: 'a', to: 'b' })
    expect(onEvent).toHaveBeenCalledTimes(3)
  })

  it('answers 500 when a handler throws, leaves the copy unseen, and handles the copy sent again', async () => {
    const { webhook, onMessage, onError } = setup()
    onMessage.mockRejectedValueOnce(new Error('db down'))
    const copy = neteaseImMessageCopy('retry me')
    const failed = await post(webhook, copy)
    expect([failed.response.status, failed.text]).toEqual([500, '{"error":"handler failed"}'])
    expect(onError).toHaveBeenCalledOnce()
    expect((await post(webhook, copy)).response.status).toBe(200)
    expect((await post(webhook, copy)).response.status).toBe(200)
    expect(onMessage).toHaveBeenCalledTimes(2)
  })

  it('answers a throw with failureStatus when set (so a high-guarantee copy is re-sent)', async () => {
    const { webhook, onEvent } = setup({ failureStatus: 503 })
    onEvent.mockRejectedValueOnce(new Error('busy'))
    const login = neteaseImLoginCopy('e')
    const failed = await post(webhook, login)
    expect([failed.response.status, failed.text]).toEqual([503, '{"error":"handler failed"}'])
    expect((await post(webhook, login)).response.status).toBe(200)
    expect(onEvent).toHaveBeenCalledTimes(2)
  })

  it('shares seen copies through a dedupe store, remembered 24 h unless dedupeTtlMs says otherwise', async () => {
    const dedupe = createMemoryDedupeStore()
    const set = vi.spyOn(dedupe, 'set')
    const first = setup({ dedupe })
    const second = setup({ dedupe })
    const copy = neteaseImMessageCopy('shared')
    await post(first.webhook, copy)
    await post(second.webhook, copy)
    expect(first.onEvent).toHaveBeenCalledOnce()
    expect(second.onEvent).not.toHaveBeenCalled()
    expect(set).toHaveBeenCalledWith(expect.stringMatching(/^netease-im:1:\d+$/), true, 86_400_000)
    const short = setup({ dedupe, dedupeTtlMs: 1_000 })
    await post(short.webhook, neteaseImLoginCopy('f'))
    expect(set).toHaveBeenLastCalledWith(expect.stringMatching(/^netease-im:md5:[0-9a-f]{32}$/), true, 1_000)
  })

  it("with respond: 'before-handler', answers first and finishes in waitUntil; a throw reaches onError only", async () => {
    const { webhook, onMessage, onError } = setup({ respond: 'before-handler' })
    let release = () => {}
    onMessage.mockImplementationOnce(() => new Promise<void>((resolve) => (release = resolve)))
    const tasks: Promise<unknown>[] = []
    const context = { waitUntil: (task: Promise<unknown>) => void tasks.push(task) }
    const push = async (text: string) => {
      const { headers, body } = await buildNeteaseImCopy(neteaseImMessageCopy(text), credentials)
      return webhook.fetch(new Request('http://hook.test', { method: 'POST', headers, body }), context)
    }
    expect((await push('slow')).status).toBe(200)
    expect(tasks).toHaveLength(1)
    release()
    await Promise.all(tasks)
    onMessage.mockRejectedValueOnce(new Error('late'))
    expect((await push('fails later')).status).toBe(200)
    await Promise.all(tasks)
    expect(onError).toHaveBeenCalledOnce()
    expect(onMessage).toHaveBeenCalledTimes(2)
  })
})
