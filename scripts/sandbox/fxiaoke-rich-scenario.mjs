// The rich-message checks of @msg/fxiaoke every runtime (and the browser) runs against its fake:
// a composite card through message.send, an image through media.upload (multipart built with the
// runtime's own FormData) whose media id then covers an article, and a Notice through the channel.

/** The first bytes of a PNG file: enough for the client's and the fake's format checks. */
const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82])

function assert(condition, message) {
  if (!condition) throw new Error(message)
}

/**
 * @param {(name: string, run: () => Promise<string | undefined | void>) => Promise<void>} check
 * @param {{ client: any, target: { toUser: string[] }, inbox: () => Promise<any[]> }} input
 */
export async function fxiaokeRichChecks(check, { client, target, inbox }) {
  const composite = {
    head: { title: 'smoke card' },
    first: { content: 'composite from the runtime smoke' },
    form: [{ label: 'runtime', value: 'smoke' }],
    link: { title: 'open', url: 'https://example.com/smoke' },
  }
  await check('fxiaoke: composite message.send reaches the fake', async () => {
    const sent = await client.message.send({ toUser: target.toUser, msgType: 'composite', composite })
    const last = (await inbox()).at(-1)
    assert(last?.msgType === 'composite', `last inbox entry is ${last?.msgType}`)
    assert(JSON.stringify(last.composite) === JSON.stringify(composite), 'the card changed on the way')
    return `traceId ${sent.traceId}`
  })
  await check('fxiaoke: media.upload (FormData) → mediaId, used as an article cover', async () => {
    const { mediaId } = await client.media.upload({ media: new Blob([png]), fileName: 'smoke.png' })
    assert(typeof mediaId === 'string' && mediaId !== '', `mediaId ${mediaId}`)
    const article = { title: 'smoke', coverImage: mediaId, type: 'TEXT', content: 'article body' }
    await client.message.send({ toUser: target.toUser, msgType: 'articles', articles: [article] })
    const last = (await inbox()).at(-1)
    assert(last?.articles?.[0]?.coverImage === mediaId, 'the article lost its cover')
    return `mediaId ${mediaId}`
  })
  await check('fxiaoke: a Notice through the channel is a composite card', async () => {
    await client
      .channel(target)
      .send({ title: 'smoke notice', text: 'notice text', url: 'https://example.com/n' })
    const last = (await inbox()).at(-1)
    assert(last?.composite?.head?.title === 'smoke notice', `head ${JSON.stringify(last?.composite?.head)}`)
  })
}
