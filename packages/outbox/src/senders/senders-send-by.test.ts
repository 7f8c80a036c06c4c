// The built-in senders hand the worker's options to their client unchanged, so a request that could
// not leave by `sendBy` is never sent, whichever vendor. Each client talks to its vendor fake through
// a recording `fetch`: token requests may happen, the message request must not.
import { TimeoutError } from '@msg/core'
import { createFeishu } from '@msg/feishu'
import { createFeishuFake } from '@msg/feishu/testing'
import { createFxiaoke } from '@msg/fxiaoke'
import { createFxiaokeFake } from '@msg/fxiaoke/testing'
import { createGewe } from '@msg/gewe'
import { createGeweFake } from '@msg/gewe/testing'
import { createNeteaseIm } from '@msg/netease-im'
import { createNeteaseImFake } from '@msg/netease-im/testing'
import { describe, expect, it } from 'vitest'
import { credentials } from '../../test/vendor-fakes.js'
import type { OutboxSender } from '../outbox-sender.js'
import { feishuTextSender } from './feishu-text-sender.js'
import { fxiaokeTextSender } from './fxiaoke-text-sender.js'
import { geweTextSender } from './gewe-text-sender.js'
import { neteaseImTextSender } from './netease-im-text-sender.js'

type Handler = { handle(request: Request): Promise<Response> }

/** A `fetch` into `fake` that records every path it was asked for. */
function recording(fake: Handler) {
  const paths: string[] = []
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init)
    paths.push(new URL(request.url).pathname)
    return fake.handle(request)
  }
  return { paths, fetch: fetch as typeof globalThis.fetch }
}

const baseURL = 'http://vendor.invalid'

function senders() {
  const feishu = recording(createFeishuFake(credentials.feishu))
  const gewe = recording(createGeweFake({ token: credentials.gewe.token }))
  const fxiaoke = recording(createFxiaokeFake({ ...credentials.fxiaoke, tokenCallsPerMinute: 1000 }))
  const netease = recording(createNeteaseImFake(credentials.netease))
  const list: { name: string; paths: string[]; sendPath: RegExp; sender: OutboxSender }[] = [
    {
      name: 'feishu',
      paths: feishu.paths,
      sendPath: /\/im\/v1\/messages$/,
      sender: feishuTextSender(
        createFeishu({ ...credentials.feishu, baseURL, fetch: feishu.fetch, retry: 0 }),
        { chatId: 'oc_send_by' },
        { app: 'send-by' },
      ),
    },
    {
      name: 'gewe',
      paths: gewe.paths,
      sendPath: /\/message\/postText$/,
      sender: geweTextSender(
        createGewe({ token: credentials.gewe.token, baseURL, fetch: gewe.fetch, retry: 0, pacing: false }),
        { appId: 'wx_send_by', toWxid: 'wxid_friend' },
      ),
    },
    {
      name: 'fxiaoke',
      paths: fxiaoke.paths,
      sendPath: /\/cgi\/message\/send$/,
      sender: fxiaokeTextSender(
        createFxiaoke({
          appId: credentials.fxiaoke.appId,
          appSecret: credentials.fxiaoke.appSecret,
          permanentCode: credentials.fxiaoke.permanentCode,
          userId: 'FSUID_send_by',
          baseURL,
          fetch: fxiaoke.fetch,
          retry: 0,
        }),
        { toUser: ['FSUID_friend'] },
        { app: 'send-by' },
      ),
    },
    {
      name: 'netease-im',
      paths: netease.paths,
      sendPath: /\/im\/v2\/conversations\//,
      sender: neteaseImTextSender(
        createNeteaseIm({ ...credentials.netease, baseURL, fetch: netease.fetch, retry: 0 }),
        { from: 'send_by_sender', to: 'send_by_friend', type: 'p2p' },
        { app: 'send-by' },
      ),
    },
  ]
  return list
}

describe('the built-in senders and sendBy', () => {
  it.each(senders())('$name: sends before its send-by time', async ({ sender, paths, sendPath }) => {
    const sent = await sender.send(
      { type: 'text', text: 'in time' },
      {
        idempotencyKey: 'k-in-time',
        signal: AbortSignal.timeout(5_000),
        sendBy: Date.now() + 5_000,
      },
    )
    expect(sent.vendor).toBe(sender.vendor)
    expect(paths.filter((path) => sendPath.test(path))).toHaveLength(1)
  })

  it.each(senders())('$name: sends nothing past its send-by time', async ({ sender, paths, sendPath }) => {
    const sendBy = Date.now() - 1
    const error = await sender
      .send(
        { type: 'text', text: 'too late' },
        { idempotencyKey: 'k-late', signal: AbortSignal.timeout(5_000), sendBy },
      )
      .catch((caught: unknown) => caught)
    expect(TimeoutError.isInstance(error)).toBe(true)
    expect(error).toMatchObject({ sendBy, delivery: 'not-sent' })
    expect(paths.filter((path) => sendPath.test(path))).toEqual([])
  })
})
