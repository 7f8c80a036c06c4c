import { MsgError, ValidationError } from '@msg/core'
import { describe, expect, it } from 'vitest'
import { setup } from '../../test/setup.js'
import { neteaseImMessageCopy } from '../testing/netease-im-sample-copies.js'
import type { NeteaseImConversationMessageCopy } from './netease-im-copy-event.js'
import { neteaseImCopyChatId, neteaseImInboundMessage } from './netease-im-inbound-message.js'

const copy = (options: Parameters<typeof neteaseImMessageCopy>[1] = {}) =>
  neteaseImMessageCopy('hello', {
    msgidServer: '9223372036854775807',
    ...options,
  }) as NeteaseImConversationMessageCopy

describe('neteaseImInboundMessage', () => {
  it('replies to a one-to-one message from the account it went to, back to the sender', async () => {
    const { fake, client } = setup()
    const message = neteaseImInboundMessage(copy({ fromAccount: 'alice', to: 'bot' }), { client })
    const sent = await message.reply('pong')
    expect(fake.inbox).toHaveLength(1)
    expect(fake.inbox[0]).toMatchObject({
      conversation_id: 'bot|1|alice',
      message: { message_type: 0, text: 'pong' },
    })
    expect(sent.messageId).toBe(fake.inbox[0]?.message_server_id)
  })

  it('replies to a team message from replyFrom into the team, a Notice as plain lines', async () => {
    const { fake, client } = setup()
    const message = neteaseImInboundMessage(copy({ convType: 'TEAM', to: '777', fromAccount: 'bob' }), {
      client,
      replyFrom: 'bot',
    })
    await message.reply({ title: 'Build', text: 'green' })
    expect(fake.inbox[0]).toMatchObject({ conversation_id: 'bot|2|777' })
    expect(String(fake.inbox[0]?.message.text)).toContain('Build')
    expect(String(fake.inbox[0]?.message.text)).toContain('green')
  })

  it('derives message_client_id from the message and the reply number, so a re-run sends the same ids', async () => {
    const { fake, client } = setup()
    for (let run = 0; run < 2; run += 1) {
      const message = neteaseImInboundMessage(copy(), { client })
      await message.reply('one')
      await message.reply('two')
    }
    // The second run's replies are NetEase duplicates (107306): two messages, not four.
    expect(fake.inbox).toHaveLength(2)
    const [first, second] = fake.inbox.map((entry) => entry.message_client_id)
    expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/)
    expect(first).not.toBe(second)
    const other = neteaseImInboundMessage(copy({ msgidServer: '1' }), { client })
    await other.reply('one', { idempotencyKey: 'mine' })
    expect(fake.inbox[2]?.message_client_id).toBe('mine')
  })

  it('throws a MsgError without a client or, for a team, without replyFrom; a bad reply sends nothing', async () => {
    const { fake, client } = setup()
    await expect(neteaseImInboundMessage(copy(), {}).reply('x')).rejects.toThrow(/client/)
    const team = neteaseImInboundMessage(copy({ convType: 'TEAM' }), { client })
    await expect(team.reply('x')).rejects.toThrow(MsgError)
    await expect(team.reply('x')).rejects.toThrow(/replyFrom/)
    const p2p = neteaseImInboundMessage(copy(), { client })
    await expect(p2p.reply('')).rejects.toThrow(ValidationError)
    expect(fake.requests).toHaveLength(0)
  })

  it('names the chat by both accounts (either direction) or by the team', () => {
    expect(neteaseImCopyChatId(copy({ fromAccount: 'b', to: 'a' }))).toBe('p2p:a|b')
    expect(neteaseImCopyChatId(copy({ fromAccount: 'a', to: 'b' }))).toBe('p2p:a|b')
    expect(neteaseImCopyChatId(copy({ convType: 'TEAM', to: '9' }))).toBe('team:9')
  })
})
