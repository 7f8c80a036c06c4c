// The smoke scenario loaded entirely through require() (Node >= 20.19 loads ESM-only packages
// synchronously). Copied into the scratch project by scratch-install.mjs.
const process = require('node:process')
const core = require('@msg/core')
const valibot = require('valibot')
const { createEchoClient } = require('../sandbox/echo-client.mjs')
const { runSmoke } = require('../sandbox/smoke-scenario.mjs')
const { vendorById } = require('../sandbox/vendors.mjs')

const endpoints = JSON.parse(process.env.MSG_SMOKE_ENDPOINTS)
const vendorModules = {}
for (const id of Object.keys(endpoints.vendors)) vendorModules[id] = require(vendorById(id).packageName)
const resolved = require.resolve('@msg/core')
console.log(`node ${process.versions.node} require() — @msg/core ${core.version} from ${resolved}`)
runSmoke({
  endpoints,
  core,
  valibot,
  createEchoClient,
  vendorModules,
  log: (line) => console.log(line),
}).then(({ passed, failed }) => {
  console.log(`  ${passed} passed, ${failed} failed`)
  process.exit(failed === 0 && passed > 0 ? 0 : 1)
})
