// Rich-message checks the smoke scenario runs per vendor after its text checks, for the vendors
// that have them: each gets `check`, the vendor's client and sample, and the fake's control.

function assert(condition, message) {
  if (!condition) throw new Error(message)
}

/** @type {Record<string, (check: Function, input: { client: any, sample: any, control: (action: string) => Promise<any> }) => Promise<void>>} */
export const richChecks = {
  'netease-im': async (check, { client, sample, control }) => {
    await check('netease-im: image message, then recall by its exact 64-bit id', async () => {
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
      const entry = (await control('inbox')).find((item) => item.message_server_id === sent.message_server_id)
      assert(entry?.message?.attachment?.url === attachment.url, 'the image is not in the inbox')
      assert(entry?.recall?.type === 2, `recall ${JSON.stringify(entry?.recall)}`)
      return `message_server_id ${sent.message_server_id}`
    })
  },
}
