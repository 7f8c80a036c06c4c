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
  /** Feishu's de-duplication window as the senders assume it. */
  feishuDedupWindowMs?: number
}

/** Sender names: `feishu-<n>`, `gewe-<n>`, `fxiaoke`, `netease`. */
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
  const senders: Record<string, OutboxSender> = {
    fxiaoke: fxiaokeTextSender(
      fxiaoke,
      { toUser: ['FSUID_outbox_friend'] },
      { app: 'outbox', limit: plan.fxiaokeLimit },
    ),
    netease: neteaseImTextSender(
      netease,
      { from: 'outbox_sender', to: 'outbox_friend', type: 'p2p' },
      {
        app: 'outbox',
        limit: plan.neteaseLimit,
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
        ...(plan.feishuDedupWindowMs === undefined ? {} : { dedupWindowMs: plan.feishuDedupWindowMs }),
      },
    )
  }
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
  return senders
}
