import { type FetchHandler, type ServedHandler, serve } from '@msg/core/testing'
import { createFeishuFake, type FeishuFault } from '@msg/feishu/testing'
import { createFxiaokeFake, type FxiaokeFault } from '@msg/fxiaoke/testing'
import { createGeweFake, type GeweFault } from '@msg/gewe/testing'
import { createNeteaseImFake, type NeteaseImFault } from '@msg/netease-im/testing'

/** Credentials the fakes accept (and the worker fixture uses). */
export const credentials = {
  feishu: { appId: 'cli_outbox_app', appSecret: 'outbox-feishu-secret' },
  gewe: { token: 'outbox-gewe-token' },
  fxiaoke: {
    appId: 'FSAID_outbox',
    appSecret: 'outbox-fxiaoke-secret',
    permanentCode: 'outbox-permanent',
    ea: 'outbox-ea',
  },
  netease: { appKey: 'outbox-app-key', appSecret: 'outbox-netease-secret' },
}

/** Vendors as the fixtures name them. */
export type FakeVendor = 'feishu' | 'gewe' | 'fxiaoke' | 'netease-im'

/** One message request as it reached a fake, with the fake's own clock. */
export interface Arrival {
  vendor: FakeVendor
  at: number
  /** GeWe appId, Feishu receive_id, Fxiaoke first recipient, NetEase sender. */
  lane: string
  text: string
  worker: string | undefined
}

/** A fault the test wants for one message, keyed by the message text. */
export type PlannedFault = FeishuFault | GeweFault | FxiaokeFault | NeteaseImFault

/** Four fakes on 127.0.0.1 with a recording wrapper, request holds and per-text faults. */
export interface ServedFakes {
  urls: Record<FakeVendor, string>
  arrivals: Arrival[]
  /** Accepted messages per vendor: the recipient's view (after the fake's own de-duplication). */
  inboxTexts(vendor: FakeVendor): string[]
  /** Faults by message text, consumed by the first request carrying that text. */
  faults: Map<string, PlannedFault>
  /** Texts whose requests are held until released; resolves with the request's worker header. */
  hold(text: string): { arrived: Promise<string | undefined>; release(): void }
  close(): Promise<void>
}

function describeRequest(
  vendor: FakeVendor,
  path: string,
  body: unknown,
): { lane: string; text: string } | undefined {
  const value = body as Record<string, unknown> | undefined
  if (!value) return undefined
  if (vendor === 'feishu' && path === '/open-apis/im/v1/messages')
    return { lane: String(value.receive_id), text: String(JSON.parse(String(value.content)).text) }
  if (vendor === 'gewe' && path.endsWith('/message/postText'))
    return { lane: String(value.appId), text: String(value.content) }
  if (vendor === 'fxiaoke' && path === '/cgi/message/send')
    return {
      lane: String((value.toUser as string[])[0]),
      text: String((value.text as { content: string }).content),
    }
  if (vendor === 'netease-im' && path.startsWith('/im/v2/conversations/')) {
    const message = value.message as { text?: string } | undefined
    return { lane: path.split('/')[4] ?? '', text: String(message?.text) }
  }
  return undefined
}

/** Starts the four fakes, each served over real HTTP. */
export async function serveFakes(): Promise<ServedFakes> {
  const fakes = {
    feishu: createFeishuFake(credentials.feishu),
    gewe: createGeweFake({ token: credentials.gewe.token }),
    fxiaoke: createFxiaokeFake({ ...credentials.fxiaoke, tokenCallsPerMinute: 1000 }),
    'netease-im': createNeteaseImFake(credentials.netease),
  }
  const arrivals: Arrival[] = []
  const faults = new Map<string, PlannedFault>()
  const holds = new Map<string, { arrive(worker: string | undefined): void; released: Promise<void> }>()
  const wrap = (vendor: FakeVendor): FetchHandler => {
    const fake = fakes[vendor]
    return async (request) => {
      const at = Date.now()
      let body: unknown
      try {
        body = JSON.parse(await request.clone().text())
      } catch {}
      const message = describeRequest(vendor, new URL(request.url).pathname, body)
      if (message) {
        const worker = request.headers.get('x-outbox-worker') ?? undefined
        arrivals.push({ vendor, at, ...message, worker })
        const hold = holds.get(message.text)
        if (hold) {
          holds.delete(message.text)
          hold.arrive(worker)
          await hold.released
        }
        const fault = faults.get(message.text)
        if (fault) {
          faults.delete(message.text)
          ;(fake.inject as (fault: PlannedFault, options: object) => void)(fault, {
            match: (r: Request) => r === request,
          })
        }
      }
      return fake.handle(request)
    }
  }
  const served: Record<FakeVendor, ServedHandler> = {
    feishu: await serve(wrap('feishu')),
    gewe: await serve(wrap('gewe')),
    fxiaoke: await serve(wrap('fxiaoke')),
    'netease-im': await serve(wrap('netease-im')),
  }
  return {
    urls: {
      feishu: served.feishu.url,
      gewe: `${served.gewe.url}/gewe/v2/api`,
      fxiaoke: served.fxiaoke.url,
      'netease-im': served['netease-im'].url,
    },
    arrivals,
    faults,
    inboxTexts(vendor) {
      if (vendor === 'feishu') return fakes.feishu.inbox.map((entry) => entry.text ?? '')
      if (vendor === 'gewe') return fakes.gewe.inbox.map((entry) => entry.content)
      if (vendor === 'fxiaoke') return fakes.fxiaoke.inbox.map((entry) => entry.text?.content ?? '')
      return fakes['netease-im'].inbox.map((entry) => String(entry.message.text))
    },
    hold(text) {
      let arrive: (worker: string | undefined) => void = () => {}
      let release: () => void = () => {}
      const arrived = new Promise<string | undefined>((resolve) => {
        arrive = resolve
      })
      const released = new Promise<void>((resolve) => {
        release = resolve
      })
      holds.set(text, { arrive, released })
      return { arrived, release }
    },
    async close() {
      for (const hold of holds.values()) hold.arrive(undefined)
      await Promise.all(Object.values(served).map((server) => server.close()))
    },
  }
}
