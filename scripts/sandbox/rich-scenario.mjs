/**
 * Rich-message checks per vendor, beside the text smoke: each runs against the vendor's loopback fake
 * through its built package, in Node, Bun, Deno and Chromium alike (runtime-neutral, no imports of
 * vendor packages). A check returns a detail line or throws.
 */

function assert(condition, message) {
  if (!condition) throw new Error(message)
}

/**
 * @typedef {object} RichCheckInput
 * @property {any} client the vendor client `createClient` of `vendors.mjs` made
 * @property {import('./vendors.mjs').Sample} sample the vendor's sandbox sample
 * @property {(action: string) => Promise<any>} control the fake's control endpoint (`inbox`, `requests`)
 */

/** @type {Record<string, { name: string, run: (input: RichCheckInput) => Promise<string | undefined> }[]>} */
export const richChecks = {
  feishu: [
    {
      name: "feishu: im.image.create with the runtime's FormData (a Uint8Array), then an image message with its key",
      async run({ client, sample, control }) {
        const png = new Uint8Array([
          0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82,
        ])
        const { image_key } = await client.im.image.create({ data: { image_type: 'message', image: png } })
        assert(/^img_v2_/.test(image_key), `image_key ${image_key}`)
        const sent = await client.sendMessage(sample.target, { msg_type: 'image', content: { image_key } })
        const last = (await control('inbox')).at(-1)
        assert(last?.msg_type === 'image', `last inbox entry is ${last?.msg_type}`)
        assert(JSON.stringify(last).includes(image_key), 'the image message lost its key')
        return `image_key ${image_key}, message id ${sent.messageId}`
      },
    },
  ],
  gewe: [
    {
      name: 'gewe: postLink, then revokeMsg with the exact 64-bit newMsgId',
      async run({ client, sample, control }) {
        const { appId, toWxid } = sample.target
        const sent = await client.message.postLink({
          appId,
          toWxid,
          title: 'smoke',
          desc: 'rich message smoke',
          linkUrl: 'https://example.com/smoke',
          thumbUrl: 'https://example.com/smoke.png',
        })
        assert(typeof sent.newMsgId === 'string', `newMsgId is a ${typeof sent.newMsgId}`)
        assert(!Number.isSafeInteger(Number(sent.newMsgId)), `newMsgId ${sent.newMsgId} fits a double`)
        await client.message.revokeMsg({ appId, ...sent })
        const entry = (await control('inbox')).find((item) => item.newMsgId === sent.newMsgId)
        assert(entry?.path === '/message/postLink', 'the link is not in the inbox')
        assert(entry.revoked === true, `the fake did not revoke ${sent.newMsgId}`)
        return `newMsgId ${sent.newMsgId}`
      },
    },
  ],
  'netease-im': [
    {
      name: 'netease-im: image message, then recall by its exact 64-bit id',
      async run({ client, sample, control }) {
        const { from, to } = sample.target
        const conversation = `${from}|1|${to}`
        const attachment = {
          url: 'https://cdn.example.com/smoke.png',
          md5: 'd41d8cd98f00b204e9800998ecf8427e',
          w: 1,
          h: 1,
        }
        const sent = await client.conversation.sendMessage(conversation, {
          message: { message_type: 1, attachment },
        })
        assert(/^\d+$/.test(sent.message_server_id ?? ''), `message_server_id ${sent.message_server_id}`)
        await client.conversation.recallMessage(conversation, sent.message_server_id, { type: 2 })
        const entry = (await control('inbox')).find(
          (item) => item.message_server_id === sent.message_server_id,
        )
        assert(entry?.message?.attachment?.url === attachment.url, 'the image is not in the inbox')
        assert(entry?.recall?.type === 2, `recall ${JSON.stringify(entry?.recall)}`)
        return `message_server_id ${sent.message_server_id}`
      },
    },
  ],
}
