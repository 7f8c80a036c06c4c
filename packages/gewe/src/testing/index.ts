export {
  createGeweFake,
  type GeweFake,
  type GeweFakeOptions,
  type GeweFakeRequest,
  type GeweFault,
  type GeweInboxItem,
} from './gewe-fake.js'
export { geweMswHandlers } from './msw-handlers.js'
