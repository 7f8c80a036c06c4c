export {
  type DropPoint,
  delay,
  dropConnection,
  droppedAt,
  type FetchHandler,
  htmlResponse,
  toFetch,
} from './faults.js'
export { type ServedHandler, type ServeOptions, serve } from './serve.js'
