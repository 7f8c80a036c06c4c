export {
  applyCommonFault,
  type CommonFault,
  createFaultQueue,
  type FaultQueue,
  type InjectOptions,
} from './fault-queue.js'
export {
  type DropPoint,
  delay,
  dropConnection,
  droppedAt,
  type FetchHandler,
  htmlResponse,
  toFetch,
} from './faults.js'
export { type RecordedRequest, recordRequest } from './recorded-request.js'
export { type ServedHandler, type ServeOptions, serve } from './serve.js'
export type { VendorFake } from './vendor-fake.js'
