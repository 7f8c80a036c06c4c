// The NetEase IM message-copy webhook checks every runtime of the matrix runs (Node, Bun, Deno,
// workerd): copies built by the testing kit exactly as NetEase sends them (`MD5` of the body bytes,
// `CheckSum = sha1(AppSecret + MD5 + CurTime)`, `CurTime` in ms) go to `webhook.fetch`, in-process or
// over HTTP. Plain ESM with no runtime-specific import, so it bundles into a Worker.

/** The app's credentials for the checks; the Worker and the in-process webhooks use the same ones. */
const neteaseImWebhookCredentials = {
  appKey: 'smoke_netease_app_key',
  appSecret: 'smoke_netease_app_secret',
}

/** Where the in-process checks pretend the webhook is served. */
export const neteaseImWebhookUrl = 'https://bot.example.test/netease-im/copy'

const copyText = 'copy smoke 你好'
// 2^63 − 2: beyond exact doubles, sent as a raw JSON number.
const largestServerId = 9223372036854775806n

function assert(condition, message) {
  if (!condition) throw new Error(message)
}

/**
 * A webhook whose handlers record what reached them: `{ kind: 'event', eventType, msgidServer }` from
 * `onEvent` and `{ kind: 'message', messageId, chatId, senderId, text }` from `onMessage`.
 * @param {Function} createNeteaseImWebhook from the built `@msg/netease-im/webhook`
 */
export function recordingNeteaseImWebhook(createNeteaseImWebhook) {
  const seen = []
  const webhook = createNeteaseImWebhook({
    ...neteaseImWebhookCredentials,
    onEvent: (event) => {
      seen.push({ kind: 'event', eventType: String(event.eventType), msgidServer: event.msgidServer })
    },
    onMessage: (message) => {
      const { messageId, chatId, senderId, text } = message
      seen.push({ kind: 'message', messageId, chatId, senderId, text })
    },
    onError: () => {},
  })
  return { webhook, seen }
}

/** The copy as a `Request` to the webhook at `url`. */
export function copyRequest(url, push) {
  return new Request(url, { method: 'POST', headers: push.headers, body: push.body })
}

/**
 * Runs the NetEase copy checks through `check(name, run)`: a signed message copy whose `msgidServer`
 * is a raw 64-bit number → 200 and both handlers saw it as the exact string; the same copy with a
 * tampered body → 401 and no handler ran; a wrong AppKey → 401; the console's signed `{}` → 200.
 * @param {(name: string, run: () => Promise<string | void>) => Promise<void>} check
 * @param {object} input
 * @param {{ buildNeteaseImCopy: Function, neteaseImMessageCopy: Function }} input.testing `@msg/netease-im/testing`
 * @param {(push: { body: string, headers: Record<string, string> }) => Promise<Response>} input.send
 * @param {() => Promise<object[]> | object[]} input.seen what the handlers recorded so far
 * @param {string} [input.prefix] prefixes each check's name
 */
export async function neteaseImWebhookChecks(check, { testing, send, seen, prefix = 'netease-im webhook' }) {
  const fromAccount = `smoke_${Math.random().toString(36).slice(2, 10)}`
  const copy = (msgidServer) =>
    testing.neteaseImMessageCopy(copyText, { msgidServer, fromAccount, to: 'smoke_bot' })
  const sign = (input, options = {}) =>
    testing.buildNeteaseImCopy(input, { ...neteaseImWebhookCredentials, ...options })
  const unchanged = async (run) => {
    const before = (await seen()).length
    const response = await send(await run())
    await response.body?.cancel()
    assert(response.status === 401, `answered ${response.status}`)
    const after = (await seen()).length
    assert(after === before, `${after - before} handler calls`)
  }

  await check(`${prefix}: signed copy → 200, handlers saw msgidServer exact`, async () => {
    // A fresh id per run (the Worker remembers handled copies), still beyond 2^53.
    const id = largestServerId - BigInt(Math.floor(Math.random() * 1e9))
    const push = await sign(copy(id))
    assert(push.body.includes(`"msgidServer":${id}`), 'msgidServer is not a raw number in the body')
    const before = (await seen()).length
    const response = await send(push)
    const text = await response.text()
    assert(response.status === 200, `answered ${response.status}: ${text}`)
    const added = (await seen()).slice(before)
    const event = added.filter((entry) => entry.kind === 'event')
    const message = added.filter((entry) => entry.kind === 'message')
    assert(event.length === 1 && message.length === 1, `handlers ran ${JSON.stringify(added)}`)
    assert(event[0].eventType === '1', `eventType ${event[0].eventType}`)
    assert(event[0].msgidServer === String(id), `onEvent saw ${event[0].msgidServer}, sent ${id}`)
    assert(message[0].messageId === String(id), `onMessage saw ${message[0].messageId}, sent ${id}`)
    const chatId = `p2p:${[fromAccount, 'smoke_bot'].sort().join('|')}`
    assert(message[0].chatId === chatId, `chatId ${message[0].chatId}, expected ${chatId}`)
    assert(message[0].senderId === fromAccount, `senderId ${message[0].senderId}`)
    assert(message[0].text === copyText, `text ${JSON.stringify(message[0].text)}`)
    return `msgidServer ${id}`
  })

  await check(`${prefix}: tampered body → 401, no handler`, () =>
    unchanged(async () => {
      const push = await sign(copy('1'))
      return { ...push, body: push.body.replace(copyText, 'copy smoke 你坏') }
    }),
  )

  await check(`${prefix}: wrong AppKey → 401, no handler`, () =>
    unchanged(() => sign(copy('2'), { appKey: 'someone_else' })),
  )

  await check(`${prefix}: address check {} → 200`, async () => {
    const response = await send(await sign('{}'))
    const text = await response.text()
    assert(response.status === 200 && text === '{}', `answered ${response.status}: ${text}`)
  })
}
