export { createFragmentBuffer, type FragmentBuffer } from './fragment-buffer.js'
export { createFeishuLongConnection, type FeishuLongConnection } from './long-connection.js'
export { createFeishuPushHandler, type FeishuPushAnswer } from './long-connection-push.js'
export type {
  FeishuLongConnectionSettings,
  FeishuWebSocket,
  FeishuWebSocketConstructor,
} from './long-connection-settings.js'
export {
  decodePbbp2Frame,
  encodePbbp2Frame,
  type Pbbp2Frame,
  type Pbbp2Header,
  pbbp2Header,
} from './pbbp2-frame.js'
export {
  defaultFeishuWsClientConfig,
  type FeishuWsClientConfig,
  type FeishuWsEndpoint,
  feishuWsEndpointPath,
  fetchFeishuWsEndpoint,
  readFeishuWsClientConfig,
} from './ws-endpoint.js'
