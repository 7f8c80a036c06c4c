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
export { geweSandbox } from './gewe-sandbox.js'
