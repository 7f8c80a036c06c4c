export {
  createNeteaseImFake,
  type NeteaseImFake,
  type NeteaseImFakeOptions,
  type NeteaseImFakeRequest,
  type NeteaseImFault,
  type NeteaseImInboxEntry,
} from './netease-im-fake.js'
export { neteaseImSandbox } from './netease-im-sandbox.js'
