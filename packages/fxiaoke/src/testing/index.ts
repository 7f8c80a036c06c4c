export type { FxiaokeMediaIdField, FxiaokeUploadEntry } from './fake-media-upload.js'
export { tokenLimitCode } from './fake-token-endpoint.js'
export {
  buildFxiaokePush,
  deliverFxiaokeEvent,
  type FxiaokeDeliverOptions,
  type FxiaokeDelivery,
  type FxiaokeFakeDeliver,
  type FxiaokePush,
  type FxiaokePushInput,
} from './fxiaoke-deliver.js'
export {
  createFxiaokeFake,
  type FxiaokeFake,
  type FxiaokeFakeOptions,
  type FxiaokeFakeRequest,
  type FxiaokeInboxEntry,
  invalidParameterCode,
} from './fxiaoke-fake.js'
export type { FxiaokeFault } from './fxiaoke-faults.js'
export { fxiaokeMessageEvent, fxiaokePermanentCodeEvent } from './fxiaoke-sample-events.js'
export { fxiaokeSandbox } from './fxiaoke-sandbox.js'
