import { MsgError, type Notice, ValidationError } from '@msg/core'
import { describe, expect, it, vi } from 'vitest'
import { encryptKey, post, setup, verificationToken } from '../../test/webhook-requests.js'
import { feishuNoticeCard } from '../im/notice-card.js'
import { buildFeishuPush, feishuCardActionEvent, feishuTextMessageEvent } from '../testing/index.js'
import type { FeishuCardAction } from './feishu-card-action.js'
import { feishuLegacyCardSignature } from './feishu-signature.js'

describe('createFeishuWebhook: dispatch', () => {
  it('hands a signed, encrypted message to onEvent and onMessage once, with text and ids', async () => {
    const { webhook, onEvent, onMessage } = setup()
    const event = feishuTextMessageEvent('@_user_1 ping', {
      messageId: 'om_42',
      mentions: [{ key: '@_user_1', name: 'Bot', open_id: 'ou_bot' }],
    })
    const { response, text } = await post(webhook, event)
    expect(response.status).toBe(200)
    expect(JSON.parse(text)).toEqual({ msg: 'success' })
    expect(onEvent).toHaveBeenCalledOnce()
    expect(onEvent.mock.calls[0]?.[0]).toMatchObject({
      schema: '2.0',
      header: { event_type: 'im.message.receive_v1' },
    })
    expect(onMessage).toHaveBeenCalledOnce()
    expect(onMessage.mock.calls[0]?.[0]).toMatchObject({
      vendor: 'feishu',
      messageId: 'om_42',
      chatId: 'oc_fake_chat',
      senderId: 'ou_fake_sender',
      text: '@Bot ping',
    })
  })

  it('hands a schema 1.0 event to onEvent and not to onMessage', async () => {
    const { webhook, onEvent, onMessage } = setup()
    const legacy = {
      payload: {
        ts: '1.5',
        uuid: 'u-1',
        token: verificationToken,
        type: 'event_callback',
        event: { type: 'message' },
      },
    }
    expect((await post(webhook, legacy)).response.status).toBe(200)
    expect((await post(webhook, legacy)).response.status).toBe(200)
    expect(onEvent).toHaveBeenCalledOnce()
    expect(onMessage).not.toHaveBeenCalled()
  })

  it('handles a duplicate event_id once, and the same message_id under a new event_id once', async () => {
    const { webhook, onEvent } = setup()
    const first = feishuTextMessageEvent('x', { eventId: 'ev-1', messageId: 'om_1' })
    expect((await post(webhook, first)).response.status).toBe(200)
    expect((await post(webhook, first)).response.status).toBe(200)
    const again = feishuTextMessageEvent('x', { eventId: 'ev-2', messageId: 'om_1' })
    expect((await post(webhook, again)).response.status).toBe(200)
    expect(onEvent).toHaveBeenCalledOnce()
  })

  it('answers 500 when a handler throws and handles the redelivery', async () => {
    const onMessage = vi.fn().mockRejectedValueOnce(new Error('db down')).mockResolvedValue(undefined)
    const { webhook } = setup({ onMessage })
    const event = feishuTextMessageEvent('x', { eventId: 'ev-9' })
    expect((await post(webhook, event)).response.status).toBe(500)
    expect((await post(webhook, event)).response.status).toBe(200)
    expect((await post(webhook, event)).response.status).toBe(200)
    expect(onMessage).toHaveBeenCalledTimes(2)
  })

  it('with respond: before-handler, answers 200 first and finishes in waitUntil (also a Worker ctx)', async () => {
    const releases: (() => void)[] = []
    const onEvent = vi.fn(() => new Promise<void>((resolve) => releases.push(resolve)))
    const { webhook } = setup({ onEvent, respond: 'before-handler' })
    const tasks: Promise<unknown>[] = []
    const waitUntil = (task: Promise<unknown>) => tasks.push(task)
    const push = async (text: string) => {
      const built = await buildFeishuPush(feishuTextMessageEvent(text), { verificationToken, encryptKey })
      return new Request('http://h.test', { method: 'POST', ...built })
    }
    expect((await webhook.fetch(await push('x'), { waitUntil })).status).toBe(200)
    // A Worker calls fetch(request, env, ctx).
    const env = { FEISHU_VERIFICATION_TOKEN: 'binding' }
    expect((await webhook.fetch(await push('y'), env, { waitUntil })).status).toBe(200)
    expect(tasks).toHaveLength(2)
    await vi.waitFor(() => expect(releases).toHaveLength(2))
    for (const release of releases) release()
    await Promise.all(tasks)
    expect(onEvent).toHaveBeenCalledTimes(2)
  })
})

describe('createFeishuWebhook: card actions', () => {
  it('answers card.action.trigger with what onCardAction returns, and {} without a handler', async () => {
    const onCardAction = vi.fn(async (_action: FeishuCardAction) => ({
      toast: { type: 'success' as const, content: 'Approved' },
    }))
    const { webhook, onEvent } = setup({ onCardAction })
    const { response, text } = await post(webhook, feishuCardActionEvent({ approve: true }))
    expect(response.status).toBe(200)
    expect(JSON.parse(text)).toEqual({ toast: { type: 'success', content: 'Approved' } })
    expect(onCardAction.mock.calls[0]?.[0]).toMatchObject({ event: { action: { value: { approve: true } } } })
    expect(onEvent).not.toHaveBeenCalled()
    expect(JSON.parse((await post(setup().webhook, feishuCardActionEvent({}))).text)).toEqual({})
  })

  it('verifies the legacy card callback with sha1 over the verification token', async () => {
    const onCardAction = vi.fn(() => ({ toast: { content: 'ok' } }))
    const { webhook } = setup({ onCardAction })
    const card = {
      payload: {
        open_id: 'ou_1',
        tenant_key: 't',
        token: 'c-update-token',
        open_message_id: 'om_card',
        action: { value: { a: 1 }, tag: 'button' },
      },
    }
    const signed = await post(webhook, card, { sign: 'legacy-card', encrypt: false })
    expect(signed.response.status).toBe(200)
    expect(JSON.parse(signed.text)).toEqual({ toast: { content: 'ok' } })
    const forged = await post(webhook, card, {
      sign: 'legacy-card',
      encrypt: false,
      verificationToken: 'guess',
    })
    expect(forged.response.status).toBe(401)
    const sha256 = await post(webhook, card, { encrypt: false })
    expect(sha256.response.status).toBe(401)
    expect(onCardAction).toHaveBeenCalledOnce()
    expect(await feishuLegacyCardSignature('1', '2', 't', new Uint8Array())).toMatch(/^[0-9a-f]{40}$/)
  })

  it('answers 500 when onCardAction throws', async () => {
    const { webhook } = setup({ onCardAction: () => Promise.reject(new Error('x')) })
    expect((await post(webhook, feishuCardActionEvent({}))).response.status).toBe(500)
  })
})

describe('InboundMessage.reply', () => {
  it('replies with a text or a Notice through client.im.message.reply under a stable uuid', async () => {
    const reply = vi.fn(async () => ({ message_id: 'om_reply' }))
    const replies: unknown[] = []
    const onMessage = vi.fn(async (message) => {
      replies.push(
        await message.reply('pong'),
        await message.reply({ title: 'T', text: 'body', url: 'https://x.test' }),
      )
    })
    const { webhook } = setup({ onMessage, client: { im: { message: { reply } } } })
    await post(webhook, feishuTextMessageEvent('ping', { messageId: 'om_in' }))
    expect(replies).toEqual([
      { vendor: 'feishu', messageId: 'om_reply', raw: { message_id: 'om_reply' } },
      { vendor: 'feishu', messageId: 'om_reply', raw: { message_id: 'om_reply' } },
    ])
    const [text, notice] = reply.mock.calls.map(
      (call) => (call as unknown[])[0] as { path: unknown; data: Record<string, unknown> },
    )
    expect(text?.path).toEqual({ message_id: 'om_in' })
    expect(text?.data).toMatchObject({ msg_type: 'text', content: { text: 'pong' } })
    expect(text?.data.uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/)
    expect(notice?.data.msg_type).toBe('interactive')
    expect(JSON.parse(notice?.data.content as string)).toEqual(
      feishuNoticeCard({ title: 'T', text: 'body', url: 'https://x.test' }),
    )
    expect(notice?.data.uuid).not.toBe(text?.data.uuid)
  })

  it('throws a MsgError naming the missing client, which makes the webhook answer 500', async () => {
    const errors: unknown[] = []
    const onMessage = (message: { reply(text: string): Promise<unknown> }) =>
      message.reply('pong').then(() => {})
    const { webhook } = setup({ onMessage, onError: (error) => errors.push(error) })
    expect((await post(webhook, feishuTextMessageEvent('ping'))).response.status).toBe(500)
    expect(MsgError.isInstance(errors[0])).toBe(true)
    expect(String(errors[0])).toMatch(/no client/)
  })

  it('checks a Notice reply as a channel does, and sends nothing for a bad or oversized one', async () => {
    const reply = vi.fn(async () => ({ message_id: 'om_reply' }))
    const failures: unknown[] = []
    const onMessage = async (message: { reply(notice: Notice): Promise<unknown> }) => {
      for (const notice of [{ text: '' }, { text: 'ok', url: 'not a url' }, { text: 'x'.repeat(40 * 1024) }])
        failures.push(await message.reply(notice).catch((error: unknown) => error))
    }
    const { webhook } = setup({ onMessage, client: { im: { message: { reply } } } })
    await post(webhook, feishuTextMessageEvent('ping'))
    expect(failures.map((error) => ValidationError.isInstance(error))).toEqual([true, true, true])
    expect(failures.map((error) => (error as ValidationError).issues[0]?.path)).toEqual([
      'notice.text',
      'notice.url',
      'notice',
    ])
    expect(reply).not.toHaveBeenCalled()
  })
})
