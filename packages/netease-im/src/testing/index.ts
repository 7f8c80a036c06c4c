export { neteaseImMswHandlers } from './msw-handlers.js'
export {
  createNeteaseImFake,
  type NeteaseImFake,
  type NeteaseImFakeOptions,
  type NeteaseImFakeRequest,
  type NeteaseImFault,
  type NeteaseImInboxEntry,
} from './netease-im-fake.js'
