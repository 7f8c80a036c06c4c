import { MsgError } from '@msg/core'
import { describe, expect, it } from 'vitest'
import { createGewe } from '../gewe-client.js'
import { createGeweFake, geweMaxNewMsgId, geweTextCallback } from '../testing/index.js'
import { geweInboundMessage, geweMessageParties } from './gewe-inbound-message.js'

describe('geweMessageParties', () => {
  it('a friend’s message: the chat and the sender are the friend', () => {
    expect(geweMessageParties(geweTextCallback('hi', { from: 'wxid_amy' }))).toEqual({
      chatId: 'wxid_amy',
      senderId: 'wxid_amy',
      text: 'hi',
      self: false,
    })
  })

  it('a group message: the chat is the room, the sender the Content prefix, cut from the text', () => {
    const callback = geweTextCallback('line 1\nline 2', { from: 'wxid_amy', room: '3456@chatroom' })
    expect(callback.Data.Content.string).toBe('wxid_amy:\nline 1\nline 2')
    expect(geweMessageParties(callback)).toEqual({
      chatId: '3456@chatroom',
      senderId: 'wxid_amy',
      text: 'line 1\nline 2',
      self: false,
    })
  })

  it('a group message without the prefix keeps its text and has no sender', () => {
    const callback = geweTextCallback('x', { room: '1@chatroom' })
    callback.Data.Content.string = 'no prefix here'
    expect(geweMessageParties(callback)).toMatchObject({ senderId: '', text: 'no prefix here' })
  })

  it('the account’s own message belongs to the chat it went to', () => {
    const own = geweTextCallback('from my phone', { from: 'wxid_fake_bot', to: 'wxid_amy' })
    expect(geweMessageParties(own)).toEqual({
      chatId: 'wxid_amy',
      senderId: 'wxid_fake_bot',
      text: 'from my phone',
      self: true,
    })
    const inRoom = geweTextCallback('hello room', { from: 'wxid_fake_bot', room: '9@chatroom' })
    expect(geweMessageParties(inRoom)).toMatchObject({ chatId: '9@chatroom', self: true })
  })
})

describe('geweInboundMessage', () => {
  const callback = geweTextCallback('ping', { newMsgId: geweMaxNewMsgId, from: 'wxid_amy', appid: 'wx_dev' })

  it('carries the exact NewMsgId and the callback as raw', () => {
    const message = geweInboundMessage(callback, undefined)
    expect(message).toMatchObject({
      vendor: 'gewe',
      messageId: '9223372036854775807',
      chatId: 'wxid_amy',
      senderId: 'wxid_amy',
      text: 'ping',
    })
    expect(message.raw).toBe(callback)
  })

  it('reply without a client throws a MsgError naming the setting, sending nothing', async () => {
    const failure = await geweInboundMessage(callback, undefined)
      .reply('pong')
      .catch((error) => error)
    expect(MsgError.isInstance(failure)).toBe(true)
    expect(failure.message).toContain('client')
  })

  it('replies with a text through message.postText and a notice through the channel', async () => {
    const fake = createGeweFake({ token: 't', newMsgId: () => '14264358459626428566' })
    const client = createGewe({ token: 't', fetch: fake.fetch, pacing: false })
    const message = geweInboundMessage(callback, client)
    await expect(message.reply('pong')).resolves.toMatchObject({
      vendor: 'gewe',
      messageId: '14264358459626428566',
    })
    await message.reply({ title: 'Status', text: 'all good', url: 'https://status.example' })
    expect(fake.inbox[0]).toMatchObject({ path: '/message/postText', appId: 'wx_dev', to: 'wxid_amy' })
    expect(fake.inbox[0]?.content).toBe('pong')
    // However the client renders a notice, it goes to the same chat and keeps the link.
    expect(fake.requests).toHaveLength(2)
    expect(fake.requests[1]?.body).toMatchObject({ appId: 'wx_dev', toWxid: 'wxid_amy' })
    expect(JSON.stringify(fake.requests[1]?.body)).toContain('https://status.example')
  })
})
