import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { toNodeListener } from '@msg/core/node'
import { type ServedHandler, serve } from '@msg/core/testing'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { createNeteaseIm, type NeteaseImClient } from '../src/index.js'
import {
  buildNeteaseImCopy,
  createNeteaseImFake,
  neteaseImLargestMsgidServer,
  neteaseImLoginCopy,
  neteaseImMessageCopy,
} from '../src/testing/index.js'
import {
  createNeteaseImWebhook,
  type NeteaseImCopyEvent,
  type NeteaseImInboundMessage,
} from '../src/webhook/index.js'

const appKey = 'e2e-app-key'
const appSecret = 'e2e-app-secret'
const fake = createNeteaseImFake({ appKey, appSecret })
let fakeServer: ServedHandler
let client: NeteaseImClient

const handlers = {
  onEvent: vi.fn<(event: NeteaseImCopyEvent) => Promise<void>>(),
  onMessage: vi.fn<(message: NeteaseImInboundMessage) => Promise<void>>(),
}
const settings = {
  appKey,
  appSecret,
  onEvent: (event: NeteaseImCopyEvent) => handlers.onEvent(event),
  onMessage: (message: NeteaseImInboundMessage) => handlers.onMessage(message),
  // The client replies through the fake over HTTP; its URL is known once the fake listens.
  get client() {
    return client
  },
  replyFrom: 'bot',
  onError: () => {},
}
const webhook = createNeteaseImWebhook(settings)
// Answers a throw with 503, which NetEase counts as failed: a high-guarantee copy is then re-sent.
const retriedWebhook = createNeteaseImWebhook({ ...settings, failureStatus: 503 })

beforeAll(async () => {
  fakeServer = await serve(fake.handle)
  client = createNeteaseIm({ appKey, appSecret, baseURL: fakeServer.url })
})
afterAll(() => fakeServer.close())
beforeEach(() => {
  vi.clearAllMocks()
  handlers.onEvent.mockResolvedValue(undefined)
  handlers.onMessage.mockResolvedValue(undefined)
  fake.reset()
})

/** Both webhooks on node:http through toNodeListener, on a loopback port. */
async function listen() {
  const listener = toNodeListener(
    {
      fetch: (request) =>
        (new URL(request.url).pathname === '/retried' ? retriedWebhook : webhook).fetch(request),
    },
    { onError: () => {} },
  )
  const server = createServer(listener)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    url: `${base}/netease/copy`,
    retriedUrl: `${base}/retried`,
    close: async () => {
      await listener.drain()
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
    },
  }
}

describe('NetEase IM message copy over real HTTP (toNodeListener on node:http)', () => {
  let target: Awaited<ReturnType<typeof listen>>
  beforeAll(async () => {
    target = await listen()
  })
  afterAll(() => target.close())

  const raw = async (push: { body: string; headers: Record<string, string> }) => {
    const response = await fetch(target.url, { method: 'POST', headers: push.headers, body: push.body })
    return { status: response.status, text: await response.text() }
  }

  it('answers the console address check {} with 200 and calls no handler', async () => {
    const delivery = await fake.deliver(target.url, '{}')
    expect(delivery.attempts).toEqual([{ status: 200, body: '{}' }])
    expect(handlers.onEvent).not.toHaveBeenCalled()
  })

  it('hands a copy to the handlers once, msgidServer 9223372036854775807 exact as a string and as a raw number', async () => {
    for (const msgidServer of [neteaseImLargestMsgidServer, 9223372036854775806n]) {
      const copy = neteaseImMessageCopy('ping', { msgidServer, fromAccount: 'alice', to: 'bot' })
      const delivery = await fake.deliver(target.url, copy)
      expect(delivery.delivered).toBe(true)
    }
    expect(handlers.onEvent).toHaveBeenCalledTimes(2)
    expect(handlers.onMessage.mock.calls.map(([message]) => message.messageId)).toEqual([
      '9223372036854775807',
      '9223372036854775806',
    ])
    const message = handlers.onMessage.mock.calls[0]?.[0]
    expect(message).toMatchObject({ chatId: 'p2p:alice|bot', senderId: 'alice', text: 'ping' })
    expect(message?.raw.msgidServer).toBe('9223372036854775807')
  })

  it('refuses a tampered body, a wrong MD5, a wrong CheckSum and a wrong AppKey with 401, no handler', async () => {
    const copy = neteaseImMessageCopy('secret plans')
    const edits: ((push: { body: string; headers: Record<string, string> }) => void)[] = [
      (push) => {
        push.body = push.body.replace('secret plans', 'secret plant')
      },
      (push) => {
        push.headers.MD5 = '0'.repeat(32)
      },
      (push) => {
        push.headers.CheckSum = `${push.headers.CheckSum?.slice(0, -1)}${push.headers.CheckSum?.endsWith('0') ? '1' : '0'}`
      },
      (push) => {
        push.headers.AppKey = 'someone-else'
      },
    ]
    for (const edit of edits) {
      const push = await buildNeteaseImCopy(copy, { appKey, appSecret })
      edit(push)
      const { status, text } = await raw(push)
      expect(status).toBe(401)
      expect(text).not.toContain(appSecret)
    }
    const wrongSecret = await fake.deliver(target.url, copy, { appSecret: 'guessed' })
    expect(wrongSecret.attempts[0]?.status).toBe(401)
    expect(handlers.onEvent).not.toHaveBeenCalled()
    expect(handlers.onMessage).not.toHaveBeenCalled()
  })

  it('handles a copy sent twice once', async () => {
    const copy = neteaseImMessageCopy('twice')
    for (let round = 0; round < 2; round += 1) {
      expect((await fake.deliver(target.url, copy)).attempts[0]?.status).toBe(200)
    }
    const login = neteaseImLoginCopy('carol')
    await fake.deliver(target.url, login)
    await fake.deliver(target.url, login)
    expect(handlers.onEvent).toHaveBeenCalledTimes(2)
    expect(handlers.onMessage).toHaveBeenCalledOnce()
  })

  it('answers 500 when the handler throws, and handles the copy when it comes again', async () => {
    handlers.onMessage.mockRejectedValueOnce(new Error('db down'))
    const copy = neteaseImMessageCopy('flaky')
    // NetEase counts 500 as delivered: a normal copy is not re-sent by itself.
    const first = await fake.deliver(target.url, copy)
    expect(first.attempts).toEqual([{ status: 500, body: '{"error":"handler failed"}' }])
    const again = await fake.deliver(target.url, copy)
    expect(again.attempts[0]?.status).toBe(200)
    expect(handlers.onMessage).toHaveBeenCalledTimes(2)
  })

  it('with failureStatus 503, a high-guarantee copy is re-sent by NetEase and handled', async () => {
    handlers.onMessage.mockRejectedValueOnce(new Error('busy'))
    const delivery = await fake.deliver(target.retriedUrl, neteaseImMessageCopy('guaranteed'), {
      highGuarantee: true,
      retryDelayMs: 1,
    })
    expect(delivery.attempts.map((attempt) => attempt.status)).toEqual([503, 200])
    expect(handlers.onMessage).toHaveBeenCalledTimes(2)
  })

  it("reply() reaches the fake's inbox: one-to-one back to the sender, team into the team", async () => {
    handlers.onMessage.mockImplementation(async (message) => {
      if (message.text === 'ping') await message.reply('pong')
    })
    await fake.deliver(target.url, neteaseImMessageCopy('ping', { fromAccount: 'alice', to: 'bot' }))
    await fake.deliver(
      target.url,
      neteaseImMessageCopy('ping', { convType: 'TEAM', to: '4242', fromAccount: 'bob' }),
    )
    expect(fake.inbox.map((entry) => [entry.conversation_id, entry.message.text])).toEqual([
      ['bot|1|alice', 'pong'],
      ['bot|2|4242', 'pong'],
    ])
  })
})
