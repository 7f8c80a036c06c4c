import { createCipheriv, createHash, randomBytes, randomUUID } from 'node:crypto'
import { EventDispatcher, LoggerLevel } from '@larksuiteoapi/node-sdk'
import { buildFeishuPush, type FeishuPush, feishuTextMessageEvent } from '@msg/feishu/testing'
import { createFeishuWebhook } from '@msg/feishu/webhook'

/** The app secrets of the webhook benchmark: every push is encrypted and signed with them. */
export const webhookSecrets = {
  verificationToken: 'bench_verification_token',
  encryptKey: 'bench_encrypt_key',
}

/** Where the pushes are addressed; nothing listens there (the handlers are called in-process). */
const webhookUrl = 'http://127.0.0.1/feishu/events'

/** `count` distinct `im.message.receive_v1` pushes, encrypted and signed as Feishu sends them. */
export async function messagePushes(count: number): Promise<FeishuPush[]> {
  const pushes: FeishuPush[] = []
  for (let index = 0; index < count; index++) {
    pushes.push(await buildFeishuPush(feishuTextMessageEvent(`bench message ${index}`), webhookSecrets))
  }
  return pushes
}

const aesKey = createHash('sha256').update(webhookSecrets.encryptKey).digest()

/**
 * The same push as `buildFeishuPush` (AES-256-CBC with the key `sha256(encryptKey)` and the IV in
 * front, `X-Lark-Signature = sha256(timestamp + nonce + encryptKey + body)`), built synchronously
 * with node:crypto so that 100 000 of them cost little next to the webhook itself. The memory child
 * checks that every one is answered 200 and handled.
 */
export function quickMessagePush(index: number): FeishuPush {
  const input = feishuTextMessageEvent(`bench message ${index}`)
  if ('payload' in input) throw new Error('expected a schema 2.0 event')
  const header = {
    event_id: randomBytes(16).toString('hex'),
    token: webhookSecrets.verificationToken,
    create_time: String(Date.now()),
    event_type: input.event_type,
    tenant_key: 'fake_tenant',
    app_id: 'cli_fake_app',
  }
  const payload = { schema: '2.0', header, event: input.event }
  const iv = randomBytes(16)
  const cipher = createCipheriv('aes-256-cbc', aesKey, iv)
  const encrypted = Buffer.concat([iv, cipher.update(JSON.stringify(payload), 'utf8'), cipher.final()])
  const body = JSON.stringify({ encrypt: encrypted.toString('base64') })
  const timestamp = String(Math.floor(Date.now() / 1000))
  const nonce = randomUUID()
  const signature = createHash('sha256')
    .update(timestamp + nonce + webhookSecrets.encryptKey + body)
    .digest('hex')
  const headers = {
    'content-type': 'application/json; charset=utf-8',
    'x-lark-request-timestamp': timestamp,
    'x-lark-request-nonce': nonce,
    'x-lark-signature': signature,
  }
  return { body, headers, payload }
}

/** Feeds one push to a receiver and resolves once it has been handled (or refused). */
export type Feed = (push: FeishuPush) => Promise<void>

/**
 * Our webhook with the default in-memory dedupe store; `onMessage` counts. A push is fed as the
 * `Request` a fetch runtime (or `toNodeListener`) hands it; any answer but 200 throws.
 */
export function ourReceiver(onMessage: () => void): Feed {
  const webhook = createFeishuWebhook({ ...webhookSecrets, onMessage })
  return async (push) => {
    const request = new Request(webhookUrl, { method: 'POST', headers: push.headers, body: push.body })
    const response = await webhook.fetch(request)
    if (response.status !== 200) throw new Error(`our webhook answered ${response.status}`)
  }
}

/**
 * The Lark SDK's `EventDispatcher` fed as its own Node adapter (`adaptDefault`) feeds it: the body
 * `JSON.parse`d into an object whose prototype carries the (lower-case) request headers. It checks
 * the signature over `JSON.stringify` of that object, i.e. re-serialised JSON, which equals the
 * raw body here only because the pushes are compact `{ "encrypt": … }` JSON.
 */
export function larkReceiver(onMessage: () => void): Feed {
  const dispatcher = new EventDispatcher({ ...webhookSecrets, loggerLevel: LoggerLevel.error }).register({
    'im.message.receive_v1': async () => onMessage(),
  })
  return async (push) => {
    const data = Object.assign(Object.create({ headers: push.headers }), JSON.parse(push.body))
    await dispatcher.invoke(data)
  }
}

/** Feeds `pushes` with `concurrency` in flight; returns the elapsed ms. */
export async function feedAll(feed: Feed, pushes: readonly FeishuPush[], concurrency: number) {
  let next = 0
  const worker = async () => {
    while (next < pushes.length) await feed(pushes[next++] as FeishuPush)
  }
  const started = performance.now()
  await Promise.all(Array.from({ length: Math.min(concurrency, pushes.length) }, worker))
  return performance.now() - started
}
