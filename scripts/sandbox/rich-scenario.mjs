/**
 * Rich-message checks per vendor, beside the text smoke: each runs against the vendor's loopback fake
 * through its built package, in Node, Bun, Deno (smoke-scenario.mjs) and Chromium
 * (tests/browser/vendor-scenario.ts) alike: runtime-neutral, no imports of vendor packages. A check
 * returns a detail line or throws.
 */

/** The first bytes of a PNG file: enough for the clients' and the fakes' format checks. */
const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82])

function assert(condition, message) {
  if (!condition) throw new Error(message)
}

/** The last entry of the fake's inbox. */
async function lastInboxEntry(control) {
  return (await control('inbox')).at(-1)
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
        const { image_key } = await client.im.image.create({ data: { image_type: 'message', image: png } })
        assert(/^img_v2_/.test(image_key), `image_key ${image_key}`)
        const sent = await client.sendMessage(sample.target, { msg_type: 'image', content: { image_key } })
        assert(/^om_/.test(sent.messageId), `messageId ${sent.messageId}`)
        const last = await lastInboxEntry(control)
        assert(last?.msg_type === 'image', `last inbox entry is ${last?.msg_type}`)
        assert(JSON.stringify(last).includes(image_key), 'the image message lost its key')
        return `image_key ${image_key}, message id ${sent.messageId}`
      },
    },
    {
      name: "feishu: im.image.create with the runtime's Blob (image/png), then an image message with its key",
      async run({ client, sample, control }) {
        const image = new Blob([png], { type: 'image/png' })
        const { image_key } = await client.im.image.create({ data: { image_type: 'message', image } })
        assert(/^img_v2_/.test(image_key), `image_key ${image_key}`)
        const sent = await client.sendMessage(sample.target, { msg_type: 'image', content: { image_key } })
        assert(/^om_/.test(sent.messageId), `messageId ${sent.messageId}`)
        const last = await lastInboxEntry(control)
        assert(JSON.stringify(last).includes(image_key), 'the image message lost its key')
        return `image_key ${image_key}`
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
        // The fake issues ids past 2^53 (16 to 19 digits): only a string keeps them exact.
        assert(
          /^\d{16,19}$/.test(sent.message_server_id ?? ''),
          `message_server_id ${sent.message_server_id}`,
        )
        await client.conversation.recallMessage(conversation, sent.message_server_id, { type: 2 })
        const entry = (await control('inbox')).find(
          (item) => item.message_server_id === sent.message_server_id,
        )
        assert(entry?.message?.message_type === 1, `message_type ${entry?.message?.message_type}`)
        assert(
          JSON.stringify(entry.message.attachment) === JSON.stringify(attachment),
          `attachment ${JSON.stringify(entry.message.attachment)}`,
        )
        assert(entry?.recall?.type === 2, `recall ${JSON.stringify(entry?.recall)}`)
        return `message_server_id ${sent.message_server_id}`
      },
    },
  ],
  fxiaoke: [
    {
      name: 'fxiaoke: composite message.send reaches the fake',
      async run({ client, sample, control }) {
        const composite = {
          head: { title: 'smoke card' },
          first: { content: 'composite from the runtime smoke' },
          form: [{ label: 'runtime', value: 'smoke' }],
          link: { title: 'open', url: 'https://example.com/smoke' },
        }
        const sent = await client.message.send({
          toUser: sample.target.toUser,
          msgType: 'composite',
          composite,
        })
        const last = await lastInboxEntry(control)
        assert(last?.msgType === 'composite', `last inbox entry is ${last?.msgType}`)
        assert(JSON.stringify(last.composite) === JSON.stringify(composite), 'the card changed on the way')
        return `traceId ${sent.traceId}`
      },
    },
    {
      name: 'fxiaoke: media.upload (FormData) → mediaId, used as an article cover',
      async run({ client, sample, control }) {
        const { mediaId } = await client.media.upload({ media: new Blob([png]), fileName: 'smoke.png' })
        assert(typeof mediaId === 'string' && mediaId !== '', `mediaId ${mediaId}`)
        const article = { title: 'smoke', coverImage: mediaId, type: 'TEXT', content: 'article body' }
        await client.message.send({ toUser: sample.target.toUser, msgType: 'articles', articles: [article] })
        const last = await lastInboxEntry(control)
        assert(last?.articles?.[0]?.coverImage === mediaId, 'the article lost its cover')
        return `mediaId ${mediaId}`
      },
    },
    {
      name: 'fxiaoke: a Notice through the channel is a composite card',
      async run({ client, sample, control }) {
        await client
          .channel(sample.target)
          .send({ title: 'smoke notice', text: 'notice text', url: 'https://example.com/n' })
        const last = await lastInboxEntry(control)
        assert(
          last?.composite?.head?.title === 'smoke notice',
          `head ${JSON.stringify(last?.composite?.head)}`,
        )
        return undefined
      },
    },
  ],
}
