export type { FeishuInboxEntry } from './fake-messages.js'
export type { FeishuFakeRequest } from './fake-wire.js'
export { createFeishuFake, type FeishuFake, type FeishuFakeOptions, type FeishuFault } from './feishu-fake.js'
export { feishuSandbox } from './feishu-sandbox.js'
