export type { FxiaokeMediaIdField, FxiaokeUploadEntry } from './fake-media-upload.js'
export { tokenLimitCode } from './fake-token-endpoint.js'
export {
  createFxiaokeFake,
  type FxiaokeFake,
  type FxiaokeFakeOptions,
  type FxiaokeFakeRequest,
  type FxiaokeInboxEntry,
  invalidParameterCode,
} from './fxiaoke-fake.js'
export type { FxiaokeFault } from './fxiaoke-faults.js'
export { fxiaokeSandbox } from './fxiaoke-sandbox.js'
