import * as vendor from '@msg/feishu'
import { describe, expect, inject, it } from 'vitest'
import { vendorById } from '../../scripts/sandbox/vendors.mjs'
import { vendorInBrowser } from './vendor-scenario.js'

describe('@msg/feishu in Chromium', () => {
  vendorInBrowser('feishu', vendor)

  it('uploads an image from the page (FormData, runtime boundary) and sends it', async () => {
    const entry = vendorById('feishu')
    const fakes = inject('fakes')
    const sample = fakes.samples.feishu
    if (!sample || !fakes.vendors.feishu) throw new Error('the fake of feishu is not served')
    const client = (entry.createBrowserClient ?? entry.createClient)(
      vendor,
      fakes.vendors.feishu,
      fakes.credentials.feishu,
      sample,
    ) as vendor.FeishuClient
    const image = new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3])], { type: 'image/png' })
    const { image_key } = await client.im.image.create({ data: { image_type: 'message', image } })
    expect(image_key).toMatch(/^img_v2_/)
    const sent = await client.sendMessage(sample.target as vendor.FeishuTarget, {
      msg_type: 'image',
      content: { image_key },
    })
    expect(sent.messageId).toMatch(/^om_/)
    const inbox = (await (await fetch(`${fakes.control}/feishu/inbox`)).json()) as unknown[]
    expect(JSON.stringify(inbox.at(-1))).toContain(image_key)
  })
})
