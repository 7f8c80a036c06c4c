export { type NodeListener, type NodeListenerOptions, toNodeListener } from './to-node-listener.js'
