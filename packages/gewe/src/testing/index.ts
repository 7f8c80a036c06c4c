export {
  createGeweFake,
  type GeweFake,
  type GeweFakeOptions,
  type GeweFault,
  type GeweInboxEntry,
} from './gewe-fake.js'
export { geweSandbox } from './gewe-sandbox.js'
