export type { FeishuInboxEntry } from './fake-messages.js'
export type { FeishuFakeUpload } from './fake-uploads.js'
export type { FeishuFakeRequest } from './fake-wire.js'
export { createFeishuBotFake, type FeishuBotFake, type FeishuBotFault } from './feishu-bot-fake.js'
export type { FeishuBotFakeOptions, FeishuBotInboxEntry } from './feishu-bot-fake-answer.js'
export { createFeishuBotAnswer, feishuBotJson } from './feishu-bot-fake-answer.js'
export {
  buildFeishuPush,
  deliverFeishuEvent,
  type FeishuDeliverOptions,
  type FeishuDelivery,
  type FeishuFakeDeliver,
  type FeishuPush,
  type FeishuPushInput,
  feishuRetryDelaysMs,
} from './feishu-deliver.js'
export { createFeishuFake, type FeishuFake, type FeishuFakeOptions, type FeishuFault } from './feishu-fake.js'
export {
  createFeishuLongConnectionFake,
  type FeishuLongConnectionAck,
  type FeishuLongConnectionFake,
  type FeishuLongConnectionFakeOptions,
} from './feishu-long-connection-fake.js'
export {
  type FeishuTextMessageEventOptions,
  feishuCardActionEvent,
  feishuTextMessageEvent,
} from './feishu-sample-events.js'
export { feishuSandbox } from './feishu-sandbox.js'
