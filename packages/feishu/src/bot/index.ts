/**
 * A `Notice` as the custom bot sends it: the same card as the app client's notices.
 * @see https://open.feishu.cn/document/feishu-cards/card-json-v2-structure
 */
export { feishuNoticeCard as feishuBotNoticeCard } from '../im/notice-card.js'
export {
  type FeishuBotBody,
  type FeishuBotPost,
  type FeishuBotPostNode,
  feishuBotMaxBodyBytes,
} from './bot-body.js'
export { classifyFeishuBotCode, type FeishuBotReply } from './bot-envelope.js'
export type { FeishuBotPacing } from './bot-pacer.js'
export { type FeishuBotSettings, parseFeishuBotWebhook } from './bot-settings.js'
export { feishuBotSign, feishuBotTimestamp } from './bot-sign.js'
export { createFeishuBot, type FeishuBot } from './feishu-bot.js'
