export {
  deliverGeweCallback,
  type GeweDeliverOptions,
  type GeweDelivery,
  type GeweFakeDeliver,
  geweCallbackJson,
} from './gewe-deliver.js'
export {
  createGeweFake,
  type GeweFake,
  type GeweFakeOptions,
  type GeweFault,
  type GeweInboxEntry,
} from './gewe-fake.js'
export {
  type FakeMessageOperation,
  type FieldKind,
  fakeMessageOperations,
} from './gewe-fake-messages.js'
export {
  type GeweTextCallbackOptions,
  geweMaxNewMsgId,
  geweTestCallback,
  geweTextCallback,
} from './gewe-sample-callbacks.js'
export { geweSandbox } from './gewe-sandbox.js'
