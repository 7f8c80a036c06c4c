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
}
