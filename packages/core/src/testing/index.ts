/** Waits `ms`, or rejects with the signal's reason as soon as it aborts. */
export { sleep as delay } from '../runtime/runtime.js'
export {
  applyCommonFault,
  type CommonFault,
  createFaultQueue,
  type FaultQueue,
  type InjectOptions,
} from './fault-queue.js'
export {
  type DropPoint,
  dropConnection,
  droppedAt,
  type FetchHandler,
  htmlResponse,
  toFetch,
} from './faults.js'
export { mswHandlersFor } from './msw-handlers.js'
export {
  type NodeProcess,
  type NodeProcessOptions,
  type NodeRun,
  runNode,
  startNode,
} from './node-process.js'
export { type RecordedRequest, recordRequest } from './recorded-request.js'
export type { SandboxInbound, SandboxVendor } from './sandbox-vendor.js'
export { type ServedHandler, type ServeOptions, serve } from './serve.js'
export { createVendorFake, type VendorFake, type VendorFakeSpec } from './vendor-fake.js'
