import { expect, inject, it } from 'vitest'
import { vendorById } from '../../scripts/sandbox/vendors.mjs'

/**
 * The NetEase rich check in a browser: an image message through the signing proxy, then its recall
 * (a DELETE across CORS) by the exact 64-bit id the send returned, both seen by the fake.
 */
export function neteaseImRichInBrowser(main: unknown): void {
  it('sends an image message and recalls it by its exact message_server_id', async () => {
    const fakes = inject('fakes')
    const sample = fakes.samples['netease-im']
    const url = fakes.vendors['netease-im']
    if (!sample || !url) throw new Error('the NetEase fake is not served')
    const entry = vendorById('netease-im')
    const client = (entry.createBrowserClient ?? entry.createClient)(
      main,
      url,
      fakes.credentials['netease-im'],
      sample,
    )
    const { from, to } = sample.target as { from: string; to: string }
    const conversation = `${from}|1|${to}`
    const attachment = {
      url: 'https://cdn.example.com/b.png',
      md5: 'd41d8cd98f00b204e9800998ecf8427e',
      width: 2,
    }
    const sent = await client.conversation.sendMessage(conversation, {
      message: { message_type: 1, attachment },
    })
    expect(sent.message_server_id).toMatch(/^\d{16,19}$/)
    await client.conversation.recallMessage(conversation, sent.message_server_id, { type: 1 })
    const response = await fetch(`${fakes.control}/netease-im/inbox`)
    const inbox = (await response.json()) as {
      message_server_id: string
      message: unknown
      recall?: unknown
    }[]
    const entryFound = inbox.find((item) => item.message_server_id === sent.message_server_id)
    expect(entryFound).toMatchObject({ message: { message_type: 1, attachment }, recall: { type: 1 } })
  })
}
