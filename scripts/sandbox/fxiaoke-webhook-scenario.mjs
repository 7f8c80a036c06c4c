// The Fxiaoke webhook checks every runtime of the matrix runs (Node, Bun, Deno, workerd): pushes
// built by the testing kit as Fxiaoke's demo describes them (`content` AES-256-CBC with 32-byte
// padding, `sig` = sha1 over the sorted token, timeStamp, nonce and content) go to `webhook.fetch`,
// in-process or over HTTP. Plain ESM with no runtime-specific import, so it bundles into a Worker.

/** The app's secrets for the checks; the Worker and the in-process webhooks use the same ones. */
const fxiaokeWebhookSecrets = {
  token: 'smoke_fxiaoke_token',
  encodingAesKey: 'c21va2VfZnhpYW9rZV9lbmNvZGluZ19hZXNfa2V5XzA',
}

/** Where the in-process checks pretend the webhook is served. */
export const fxiaokeWebhookUrl = 'https://bot.example.test/fxiaoke/callback'

const longId = '9223372036854775807'

function assert(condition, message) {
  if (!condition) throw new Error(message)
}

function randomId(prefix) {
  const bytes = crypto.getRandomValues(new Uint8Array(8))
  return prefix + Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')
}

/**
 * A webhook whose `onEvent` records `{ type, msgType, msgId, tag }` of every push it handled.
 * @param {Function} createFxiaokeWebhook from the built `@msg/fxiaoke/webhook`
 */
export function recordingFxiaokeWebhook(createFxiaokeWebhook) {
  const seen = []
  const webhook = createFxiaokeWebhook({
    ...fxiaokeWebhookSecrets,
    onEvent: (event) => {
      const message = event.message ?? {}
      seen.push({ type: event.type, msgType: message.MsgType, msgId: message.MsgId, tag: message.Tag })
    },
    onError: () => {},
  })
  return { webhook, seen }
}

/** The push as a `Request` to the webhook at `url`. */
export function fxiaokePushRequest(url, push) {
  return new Request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: push.body,
  })
}

/**
 * Runs the Fxiaoke webhook checks through `check(name, run)`: a signed, encrypted `Message` push →
 * `success` and `onEvent` saw its 64-bit `MsgId` exactly; the same push with one character of its
 * ciphertext changed → 401 and no handler; the first push again → `success`, no second handler call.
 * @param {(name: string, run: () => Promise<string | void>) => Promise<void>} check
 * @param {object} input
 * @param {{ buildFxiaokePush: Function }} input.testing `@msg/fxiaoke/testing`
 * @param {(push: { body: string }) => Promise<Response>} input.send
 * @param {() => Promise<object[]> | object[]} input.seen what the handler recorded so far
 * @param {string} [input.prefix] prefixes each check's name
 */
export async function fxiaokeWebhookChecks(check, { testing, send, seen, prefix = 'fxiaoke webhook' }) {
  const tag = randomId('t_')
  const content = `{"MsgType":"text","MsgId":${longId},"Tag":"${tag}"}`
  const push = await testing.buildFxiaokePush({ type: 'Message', content }, fxiaokeWebhookSecrets)

  await check(`${prefix}: signed+encrypted push → success, onEvent saw the exact 64-bit id`, async () => {
    const before = (await seen()).length
    const response = await send(push)
    const text = await response.text()
    assert(response.status === 200 && text === 'success', `answered ${response.status}: ${text}`)
    const added = (await seen()).slice(before)
    assert(added.length === 1, `handler ran ${JSON.stringify(added)}`)
    assert(added[0].type === 'Message' && added[0].msgType === 'text', `saw ${JSON.stringify(added[0])}`)
    assert(added[0].msgId === longId, `MsgId ${JSON.stringify(added[0].msgId)}, sent ${longId}`)
    assert(added[0].tag === tag, `Tag ${added[0].tag}`)
    return `MsgId ${longId}`
  })

  await check(`${prefix}: tampered content → 401, no handler`, async () => {
    const fields = JSON.parse(push.body)
    const at = Math.floor(fields.content.length / 2)
    const swapped = fields.content[at] === 'A' ? 'B' : 'A'
    const body = JSON.stringify({
      ...fields,
      content: fields.content.slice(0, at) + swapped + fields.content.slice(at + 1),
    })
    const before = (await seen()).length
    const response = await send({ body })
    await response.body?.cancel()
    assert(response.status === 401, `answered ${response.status}`)
    const after = (await seen()).length
    assert(after === before, `${after - before} handler calls`)
  })

  await check(`${prefix}: the same push again → success, handled once`, async () => {
    const before = (await seen()).length
    const response = await send(push)
    const text = await response.text()
    assert(response.status === 200 && text === 'success', `answered ${response.status}: ${text}`)
    const after = (await seen()).length
    assert(after === before, `${after - before} handler calls for a duplicate`)
  })
}
