export { tokenLimitCode } from './fake-token-endpoint.js'
export {
  createFxiaokeFake,
  type FxiaokeFake,
  type FxiaokeFakeOptions,
  type FxiaokeFakeRequest,
  type FxiaokeFault,
  type FxiaokeInboxMessage,
  invalidParameterCode,
} from './fxiaoke-fake.js'
export { createFxiaokeMswHandlers } from './msw-handlers.js'
