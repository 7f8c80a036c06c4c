import { createFeishu } from '@msg/feishu'
import { createFxiaoke } from '@msg/fxiaoke'
import { createGewe } from '@msg/gewe'
import { createNeteaseIm } from '@msg/netease-im'
import {
  feishuTextSender,
  fxiaokeTextSender,
  geweTextSender,
  neteaseImTextSender,
  type OutboxSender,
} from '../src/index.js'
import { credentials, type FakeVendor } from './vendor-fakes.js'

/** What the tests configure: lane sizes and which senders exist. */
export interface FleetPlan {
  urls: Record<FakeVendor, string>
  feishuChats: number
  feishuAppLimit: number
  geweAccounts: number
  geweGapMs: number
  geweJitterMs: number
  fxiaokeLimit: number
  neteaseLimit: number
  /** Guard band of every rate lane (see `LaneLimit`). */
  guardMs?: number
  /** Adds sender `gewe-slow` (appId `wx_outbox_slow`) with this gap and no jitter. */
  slowGeweGapMs?: number
  /** Feishu's de-duplication window as the senders assume it. */
  feishuDedupWindowMs?: number
  /**
   * Adds senders `burst-<n>`: the same Feishu app through its own lane name (`feishu:burst`), over
   * this many chats, with guard band `burstGuardMs`, for the saturated-lane measurement.
   */
  burstChats?: number
  burstGuardMs?: number
}

/** Sender names: `feishu-<n>`, `gewe-<n>`, `fxiaoke`, `netease`, and `burst-<n>`, `gewe-slow` when planned. */
export function buildSenders(plan: FleetPlan, worker: string): Record<string, OutboxSender> {
  const headers = { 'x-outbox-worker': worker }
  const feishu = createFeishu({ ...credentials.feishu, baseURL: plan.urls.feishu, retry: 0, headers })
  const gewe = createGewe({
    token: credentials.gewe.token,
    baseURL: plan.urls.gewe,
    pacing: false,
    retry: 0,
    headers,
  })
  const fxiaoke = createFxiaoke({
    appId: credentials.fxiaoke.appId,
    appSecret: credentials.fxiaoke.appSecret,
    permanentCode: credentials.fxiaoke.permanentCode,
    userId: 'FSUID_outbox_sender',
    baseURL: plan.urls.fxiaoke,
    retry: 0,
    headers,
  })
  const netease = createNeteaseIm({
    ...credentials.netease,
    baseURL: plan.urls['netease-im'],
    retry: 0,
    headers,
  })
  const guard = plan.guardMs === undefined ? {} : { guardMs: plan.guardMs }
  const senders: Record<string, OutboxSender> = {
    fxiaoke: fxiaokeTextSender(
      fxiaoke,
      { toUser: ['FSUID_outbox_friend'] },
      { app: 'outbox', limit: plan.fxiaokeLimit, ...guard },
    ),
    netease: neteaseImTextSender(
      netease,
      { from: 'outbox_sender', to: 'outbox_friend', type: 'p2p' },
      {
        app: 'outbox',
        limit: plan.neteaseLimit,
        ...guard,
      },
    ),
  }
  for (let chat = 0; chat < plan.feishuChats; chat++) {
    senders[`feishu-${chat}`] = feishuTextSender(
      feishu,
      { chatId: `oc_outbox_chat_${chat}` },
      {
        app: credentials.feishu.appId,
        appLimit: plan.feishuAppLimit,
        ...guard,
        ...(plan.feishuDedupWindowMs === undefined ? {} : { dedupWindowMs: plan.feishuDedupWindowMs }),
      },
    )
  }
  for (let chat = 0; chat < (plan.burstChats ?? 0); chat++)
    senders[`burst-${chat}`] = feishuTextSender(
      feishu,
      { chatId: `oc_outbox_burst_${chat}` },
      { app: 'burst', appLimit: plan.feishuAppLimit, guardMs: plan.burstGuardMs ?? 100 },
    )
  for (let account = 0; account < plan.geweAccounts; account++) {
    senders[`gewe-${account}`] = geweTextSender(
      gewe,
      { appId: `wx_outbox_${account}`, toWxid: 'wxid_outbox_friend' },
      {
        gapMs: plan.geweGapMs,
        jitterMs: plan.geweJitterMs,
      },
    )
  }
  if (plan.slowGeweGapMs !== undefined)
    senders['gewe-slow'] = geweTextSender(
      gewe,
      { appId: 'wx_outbox_slow', toWxid: 'wxid_outbox_friend' },
      { gapMs: plan.slowGeweGapMs, jitterMs: 0 },
    )
  return senders
}
