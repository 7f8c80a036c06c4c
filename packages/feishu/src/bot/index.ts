export {
  type FeishuBotBody,
  type FeishuBotPost,
  type FeishuBotPostNode,
  feishuBotMaxBodyBytes,
} from './bot-body.js'
export { classifyFeishuBotCode, type FeishuBotReply } from './bot-envelope.js'
export { feishuBotNoticeCard } from './bot-notice-card.js'
export type { FeishuBotPacing } from './bot-pacer.js'
export { type FeishuBotSettings, parseFeishuBotWebhook } from './bot-settings.js'
export { feishuBotSign, feishuBotTimestamp } from './bot-sign.js'
export { createFeishuBot, type FeishuBot } from './feishu-bot.js'
