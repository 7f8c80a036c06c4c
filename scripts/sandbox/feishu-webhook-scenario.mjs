// The Feishu webhook checks every runtime of the matrix runs (Node, Bun, Deno, workerd, Chromium):
// pushes built by the testing kit exactly as Feishu sends them (encrypted `{ encrypt }` body,
// `X-Lark-Signature` over its bytes) go to `webhook.fetch`, in-process or over HTTP. Plain ESM with
// no runtime-specific import, so it bundles into a Worker and loads in a browser page.

/** The app's secrets for the checks; the Worker and the in-process webhooks use the same ones. */
export const webhookSecrets = {
  verificationToken: 'smoke_verification_token',
  encryptKey: 'smoke_encrypt_key_0123456789',
}

/** Where the in-process checks pretend the webhook is served. */
export const webhookUrl = 'https://bot.example.test/feishu/events'

const webhookText = 'webhook smoke 你好'

function assert(condition, message) {
  if (!condition) throw new Error(message)
}

function randomId(prefix) {
  const bytes = crypto.getRandomValues(new Uint8Array(8))
  return prefix + Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')
}

/**
 * A webhook whose handlers record what reached them: `{ kind: 'event', eventId, eventType }` from
 * `onEvent` and `{ kind: 'message', messageId, chatId, text }` from `onMessage`.
 * @param {Function} createFeishuWebhook from the built `@msg/feishu/webhook`
 */
export function recordingWebhook(createFeishuWebhook) {
  const seen = []
  const webhook = createFeishuWebhook({
    ...webhookSecrets,
    onEvent: (event) => {
      seen.push({ kind: 'event', eventId: event.header?.event_id, eventType: event.header?.event_type })
    },
    onMessage: (message) => {
      seen.push({ kind: 'message', messageId: message.messageId, chatId: message.chatId, text: message.text })
    },
    onError: () => {},
  })
  return { webhook, seen }
}

/** The push as a `Request` to the webhook at `url`. */
export function pushRequest(url, push) {
  return new Request(url, { method: 'POST', headers: push.headers, body: push.body })
}

/** The same push with one character of its ciphertext changed; its signature no longer matches. */
function tampered(push) {
  const { encrypt } = JSON.parse(push.body)
  const at = Math.floor(encrypt.length / 2)
  const swapped = encrypt[at] === 'A' ? 'B' : 'A'
  const body = JSON.stringify({ encrypt: encrypt.slice(0, at) + swapped + encrypt.slice(at + 1) })
  return { ...push, body }
}

/**
 * Runs the three webhook checks through `check(name, run)`:
 * a signed and encrypted `im.message.receive_v1` → 200 and both handlers saw its exact ids;
 * the same push with a tampered body → 401 and no handler ran; an encrypted, unsigned
 * `url_verification` (as Feishu sends it) → the plaintext `{ challenge }`.
 * @param {(name: string, run: () => Promise<string | void>) => Promise<void>} check
 * @param {object} input
 * @param {{ buildFeishuPush: Function, feishuTextMessageEvent: Function }} input.testing `@msg/feishu/testing`
 * @param {(push: { body: string, headers: Record<string, string> }) => Promise<Response>} input.send
 * @param {() => Promise<object[]> | object[]} input.seen what the handlers recorded so far
 * @param {string} [input.prefix] prefixes each check's name
 */
export async function webhookChecks(check, { testing, send, seen, prefix = 'feishu webhook' }) {
  const messagePush = async () => {
    const eventId = randomId('ev_')
    const messageId = randomId('om_')
    const input = testing.feishuTextMessageEvent(webhookText, { eventId, messageId, chatId: 'oc_smoke' })
    return { eventId, messageId, push: await testing.buildFeishuPush(input, webhookSecrets) }
  }

  await check(`${prefix}: signed+encrypted message → 200, handlers saw its ids`, async () => {
    const { eventId, messageId, push } = await messagePush()
    assert(typeof JSON.parse(push.body).encrypt === 'string', 'the push is not encrypted')
    assert(push.headers['x-lark-signature'], 'the push is not signed')
    const before = (await seen()).length
    const response = await send(push)
    const text = await response.text()
    assert(response.status === 200, `answered ${response.status}: ${text}`)
    const added = (await seen()).slice(before)
    const event = added.filter((entry) => entry.kind === 'event')
    const message = added.filter((entry) => entry.kind === 'message')
    assert(event.length === 1 && message.length === 1, `handlers ran ${JSON.stringify(added)}`)
    assert(event[0].eventId === eventId, `onEvent saw event_id ${event[0].eventId}, sent ${eventId}`)
    assert(event[0].eventType === 'im.message.receive_v1', `event_type ${event[0].eventType}`)
    assert(message[0].messageId === messageId, `onMessage saw ${message[0].messageId}, sent ${messageId}`)
    assert(message[0].chatId === 'oc_smoke', `chatId ${message[0].chatId}`)
    assert(message[0].text === webhookText, `text ${JSON.stringify(message[0].text)}`)
    return `event_id ${eventId}`
  })

  await check(`${prefix}: tampered body → 401, no handler`, async () => {
    const { push } = await messagePush()
    const before = (await seen()).length
    const response = await send(tampered(push))
    await response.body?.cancel()
    assert(response.status === 401, `answered ${response.status}`)
    const after = (await seen()).length
    assert(after === before, `${after - before} handler calls`)
  })

  await check(`${prefix}: url_verification → { challenge }`, async () => {
    const challenge = randomId('challenge_')
    const payload = { type: 'url_verification', challenge, token: webhookSecrets.verificationToken }
    const push = await testing.buildFeishuPush({ payload }, { ...webhookSecrets, sign: false })
    const response = await send(push)
    const text = await response.text()
    assert(response.status === 200, `answered ${response.status}: ${text}`)
    const body = JSON.parse(text)
    assert(JSON.stringify(body) === JSON.stringify({ challenge }), `answered ${text}`)
  })
}
