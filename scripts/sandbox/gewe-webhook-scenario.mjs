// The GeWe webhook checks every runtime of the matrix runs (Node, Bun, Deno, workerd): callbacks
// built by the testing kit exactly as GeWe posts them (raw JSON numbers beyond 2^53 for `NewMsgId`,
// the shared secret as the URL's last path segment) go to `webhook.fetch`, in-process or over HTTP.
// Plain ESM with no runtime-specific import, so it bundles into a Worker.

/** The shared secret of the checks; the Worker and the in-process webhooks use the same one. */
const geweWebhookSecret = 'smoke_gewe_callback_secret'

/** Where the in-process checks pretend the webhook is served. */
export const geweWebhookOrigin = 'https://bot.example.test'

const webhookText = 'gewe webhook smoke 你好'

function assert(condition, message) {
  if (!condition) throw new Error(message)
}

/**
 * A webhook whose handlers record what reached them: `{ kind: 'event', typeName, newMsgId }` from
 * `onEvent` and `{ kind: 'message', messageId, chatId, senderId, text }` from `onMessage`.
 * @param {Function} createGeweWebhook from the built `@msg/gewe/webhook`
 */
export function geweRecordingWebhook(createGeweWebhook) {
  const seen = []
  const webhook = createGeweWebhook({
    secret: geweWebhookSecret,
    onEvent: (event) => {
      seen.push({ kind: 'event', typeName: event.TypeName, newMsgId: event.Data?.NewMsgId })
    },
    onMessage: (message) => {
      const { messageId, chatId, senderId, text } = message
      seen.push({ kind: 'message', messageId, chatId, senderId, text })
    },
    onError: () => {},
  })
  return { webhook, seen }
}

/** A callback as a `Request` to `origin` + `path`. */
export function geweCallbackRequest(origin, { path, body }) {
  return new Request(`${origin}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  })
}

/**
 * Runs the GeWe webhook checks through `check(name, run)`: a group text callback with the secret
 * path → 200 and both handlers saw its exact `NewMsgId`, room and sender; the same callback again →
 * 200 and no handler; a missing or wrong secret → 401 and no handler; the connectivity test packet
 * → 200 and no handler.
 * @param {(name: string, run: () => Promise<string | void>) => Promise<void>} check
 * @param {object} input
 * @param {{ geweCallbackJson: Function, geweTextCallback: Function, geweTestCallback: Function }} input.testing `@msg/gewe/testing`
 * @param {(request: { path: string, body: string }) => Promise<Response>} input.send
 * @param {() => Promise<object[]> | object[]} input.seen what the handlers recorded so far
 * @param {string} [input.prefix] prefixes each check's name
 */
export async function geweWebhookChecks(check, { testing, send, seen, prefix = 'gewe webhook' }) {
  const path = `/gewe/callback/${geweWebhookSecret}`
  const callback = testing.geweTextCallback(webhookText, { from: 'wxid_smoke', room: '1234@chatroom' })
  const newMsgId = callback.Data.NewMsgId
  const body = testing.geweCallbackJson(callback)

  const handled = async (request) => {
    const before = (await seen()).length
    const response = await send(request)
    const text = await response.text()
    return { status: response.status, text, added: (await seen()).slice(before) }
  }

  await check(`${prefix}: text callback → 200, handlers saw its exact NewMsgId`, async () => {
    assert(BigInt(newMsgId) > 2n ** 53n && body.includes(`"NewMsgId":${newMsgId}`), 'not a raw 64-bit id')
    const { status, text, added } = await handled({ path, body })
    assert(status === 200, `answered ${status}: ${text}`)
    const event = added.filter((entry) => entry.kind === 'event')
    const message = added.filter((entry) => entry.kind === 'message')
    assert(event.length === 1 && message.length === 1, `handlers ran ${JSON.stringify(added)}`)
    assert(event[0].newMsgId === newMsgId, `onEvent saw NewMsgId ${event[0].newMsgId}, sent ${newMsgId}`)
    assert(message[0].messageId === newMsgId, `onMessage saw ${message[0].messageId}, sent ${newMsgId}`)
    assert(message[0].chatId === '1234@chatroom', `chatId ${message[0].chatId}`)
    assert(message[0].senderId === 'wxid_smoke', `senderId ${message[0].senderId}`)
    assert(message[0].text === webhookText, `text ${JSON.stringify(message[0].text)}`)
    return `NewMsgId ${newMsgId}`
  })

  await check(`${prefix}: the same callback again → 200, no handler`, async () => {
    const { status, added } = await handled({ path, body })
    assert(status === 200, `answered ${status}`)
    assert(added.length === 0, `${added.length} handler calls`)
  })

  await check(`${prefix}: missing or wrong secret → 401, no handler`, async () => {
    const fresh = testing.geweCallbackJson(testing.geweTextCallback('intruder'))
    for (const wrong of ['/gewe/callback', '/gewe/callback/guessed_secret']) {
      const { status, text, added } = await handled({ path: wrong, body: fresh })
      assert(status === 401, `${wrong} answered ${status}`)
      assert(!text.includes(geweWebhookSecret), 'the answer names the secret')
      assert(added.length === 0, `${added.length} handler calls`)
    }
  })

  await check(`${prefix}: connectivity test packet → 200, no handler`, async () => {
    const test = JSON.stringify(testing.geweTestCallback())
    const { status, added } = await handled({ path, body: test })
    assert(status === 200, `answered ${status}`)
    assert(added.length === 0, `${added.length} handler calls`)
  })
}
