export {
  buildNeteaseImCopy,
  deliverNeteaseImCopy,
  type NeteaseImCopyDelivery,
  type NeteaseImCopyInput,
  type NeteaseImCopyPush,
  type NeteaseImDeliverOptions,
  type NeteaseImFakeDeliver,
  neteaseImCopyBody,
} from './netease-im-deliver.js'
export {
  createNeteaseImFake,
  type NeteaseImFake,
  type NeteaseImFakeOptions,
  type NeteaseImFakeRequest,
  type NeteaseImFault,
  type NeteaseImInboxEntry,
} from './netease-im-fake.js'
export {
  type NeteaseImMessageCopyOptions,
  neteaseImLargestMsgidServer,
  neteaseImLoginCopy,
  neteaseImMessageCopy,
} from './netease-im-sample-copies.js'
export { neteaseImSandbox } from './netease-im-sandbox.js'
