// A Notice through the Feishu channel: an interactive card (JSON 2.0) over loopback HTTP.
import { describe, expect, it } from 'vitest'
import { client, fake, serveFake } from './rich-fixture.js'

serveFake()

describe('sendMessage over loopback HTTP', () => {
  it('sends a Notice through the channel as an interactive card', async () => {
    await client()
      .channel({ chatId: 'oc_1' })
      .send({ title: 'Disk full', text: 'db-1 at **95%**', url: 'https://status.example' })
    await client().channel({ chatId: 'oc_1' }).send({ text: 'no title' })
    expect(fake.inbox.map((entry) => entry.msg_type)).toEqual(['interactive', 'interactive'])
    expect(fake.inbox[0]?.parsed).toEqual({
      schema: '2.0',
      header: { title: { tag: 'plain_text', content: 'Disk full' }, template: 'blue' },
      body: {
        elements: [
          { tag: 'markdown', content: 'db-1 at **95%**' },
          {
            tag: 'button',
            text: { tag: 'plain_text', content: 'Open' },
            type: 'primary',
            behaviors: [{ type: 'open_url', default_url: 'https://status.example' }],
          },
        ],
      },
    })
    expect(fake.inbox[1]?.parsed).toEqual({
      schema: '2.0',
      body: { elements: [{ tag: 'markdown', content: 'no title' }] },
    })
  })
})
