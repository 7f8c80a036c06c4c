import { createFeishu } from '@msg/feishu'
import { createFeishuFake } from '@msg/feishu/testing'
import { createFxiaoke } from '@msg/fxiaoke'
import { createFxiaokeFake } from '@msg/fxiaoke/testing'
import { createGewe } from '@msg/gewe'
import { createGeweFake } from '@msg/gewe/testing'
import { createNeteaseIm } from '@msg/netease-im'
import { createNeteaseImFake } from '@msg/netease-im/testing'
import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import { anyText, classify, type Ending, fuzzRuns, looseRecord } from './fuzz-harness.js'

// biome-ignore lint/suspicious/noExplicitAny: the point is to call the public API with values of any type
type Loose = any

function setups() {
  const feishuFake = createFeishuFake()
  const feishu = createFeishu({
    appId: feishuFake.appId,
    appSecret: feishuFake.appSecret,
    fetch: feishuFake.fetch,
    retry: 0,
  })
  const geweFake = createGeweFake()
  const gewe = createGewe({ token: 'gewe-fake-token', fetch: geweFake.fetch, pacing: false, retry: 0 })
  const fxiaokeFake = createFxiaokeFake({ tokenLatencyMs: 0, tokenCallsPerMinute: 1_000_000 })
  const fxiaoke = createFxiaoke({
    appId: 'FSAID_fake',
    appSecret: 'fake-app-secret',
    permanentCode: 'fake-permanent-code',
    userId: '1000',
    fetch: fxiaokeFake.fetch,
    retry: 0,
  })
  const neteaseFake = createNeteaseImFake()
  const netease = createNeteaseIm({
    appKey: 'test-app-key',
    appSecret: 'test-app-secret',
    fetch: neteaseFake.fetch,
    retry: 0,
  })
  const count = (fake: { requests: unknown[] }) => () => fake.requests.length
  return [
    {
      name: 'feishu sendText',
      requests: count(feishuFake),
      args: fc.tuple(
        fc.oneof(
          fc.record({ chatId: id }),
          looseRecord(['chatId', 'openId', 'userId', 'unionId', 'email', 'replyTo']),
        ),
        anyText,
      ),
      call: ([target, text]: Loose) => feishu.sendText(target, text),
    },
    {
      name: 'feishu message.send',
      requests: count(feishuFake),
      args: fc.tuple(
        looseRecord(['chat_id', 'open_id', 'user_id', 'email', 'msg_type', 'content', 'root_id']),
      ),
      call: ([body]: Loose) => feishu.message.send(body),
    },
    {
      name: 'feishu im.message.create',
      requests: count(feishuFake),
      args: fc.tuple(
        fc.record(
          {
            params: looseRecord(['receive_id_type']),
            data: looseRecord(['receive_id', 'msg_type', 'content', 'uuid']),
          },
          { requiredKeys: [] },
        ),
      ),
      call: ([request]: Loose) => feishu.im.message.create(request),
    },
    {
      name: 'feishu im.message.reply',
      requests: count(feishuFake),
      args: fc.tuple(
        fc.record(
          {
            path: looseRecord(['message_id']),
            data: looseRecord(['msg_type', 'content', 'uuid', 'reply_in_thread']),
          },
          { requiredKeys: [] },
        ),
      ),
      call: ([request]: Loose) => feishu.im.message.reply(request),
    },
    {
      name: 'gewe sendText',
      requests: count(geweFake),
      args: fc.tuple(
        fc.oneof(fc.record({ appId: id, toWxid: id }), looseRecord(['appId', 'toWxid', 'ats', 'finder'])),
        anyText,
      ),
      call: ([target, text]: Loose) => gewe.sendText(target, text),
    },
    {
      name: 'gewe message.postText',
      requests: count(geweFake),
      args: fc.tuple(looseRecord(['appId', 'toWxid', 'content', 'ats'])),
      call: ([body]: Loose) => gewe.message.postText(body),
    },
    {
      name: 'gewe finder.postPrivateLetter',
      requests: count(geweFake),
      args: fc.tuple(looseRecord(['appId', 'content', 'toUserName', 'myUserName', 'msgSessionId'])),
      call: ([body]: Loose) => gewe.finder.postPrivateLetter(body),
    },
    {
      name: 'fxiaoke sendText',
      requests: count(fxiaokeFake),
      args: fc.tuple(
        fc.oneof(
          fc.record({ toUser: fc.array(id, { minLength: 1, maxLength: 3 }) }),
          looseRecord(['toUser']),
        ),
        anyText,
      ),
      call: ([target, text]: Loose) => fxiaoke.sendText(target, text),
    },
    {
      name: 'fxiaoke message.send',
      requests: count(fxiaokeFake),
      args: fc.tuple(looseRecord(['toUser', 'msgType', 'text'])),
      call: ([body]: Loose) => fxiaoke.message.send(body),
    },
    {
      name: 'netease-im sendText',
      requests: count(neteaseFake),
      args: fc.tuple(
        fc.oneof(
          fc.record({ from: id, to: id, type: fc.constantFrom('p2p', 'team', 'superteam') }),
          looseRecord(['from', 'to', 'type']),
        ),
        anyText,
      ),
      call: ([target, text]: Loose) => netease.sendText(target, text),
    },
    {
      name: 'netease-im conversation.sendMessage',
      requests: count(neteaseFake),
      args: fc.tuple(anyText, looseRecord(['message', 'config', 'push_config', 'extension'])),
      call: ([id, body]: Loose) => netease.conversation.sendMessage(id, body),
    },
  ]
}

/** An id a vendor would accept: short, printable, no separators. */
const id = fc.stringMatching(/^[a-z0-9_]{1,24}$/)

const tally = { properties: 0, runs: 0, endings: {} as Record<Ending, number> }

describe('every vendor input validator, fuzzed: ValidationError (nothing sent) or an honest outcome, never a crash', () => {
  it.each(setups().map((setup) => [setup.name, setup] as const))('%s', async (_, setup) => {
    await fc.assert(
      fc.asyncProperty(setup.args as fc.Arbitrary<unknown[]>, async (args) => {
        const ending = await classify(() => setup.call(args as Loose), setup.requests)
        tally.endings[ending] = (tally.endings[ending] ?? 0) + 1
      }),
      { numRuns: fuzzRuns },
    )
    tally.properties++
    tally.runs += fuzzRuns
    expect(tally.endings.validation).toBeGreaterThan(0)
  })

  it.each([
    ['createFeishu', createFeishu],
    ['createGewe', createGewe],
    ['createFxiaoke', createFxiaoke],
    ['createNeteaseIm', createNeteaseIm],
  ] as const)('%s(settings of any shape) returns a client or throws ValidationError', (_, factory) => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything(),
          looseRecord([
            'appId',
            'appSecret',
            'token',
            'appKey',
            'permanentCode',
            'baseURL',
            'timeout',
            'retry',
          ]),
        ),
        (settings) => {
          try {
            expect(typeof (factory as Loose)(settings)).toBe('object')
          } catch (error) {
            expect((error as Error).name).toBe('ValidationError')
          }
        },
      ),
      { numRuns: fuzzRuns },
    )
    tally.properties++
    tally.runs += fuzzRuns
  })
})

afterAll(() =>
  console.info(
    `fuzz vendor inputs: ${tally.properties} properties, ${tally.runs} runs, endings ${JSON.stringify(tally.endings)}`,
  ),
)
