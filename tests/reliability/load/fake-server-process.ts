/**
 * The vendor fake of the load test, in its own process so the test's heap measures the client only.
 * Env `VENDOR`. Prints its URL on stdout. `GET /__load/stats` moves the inbox into a count (clearing
 * the fake's logs) and answers `{ delivered, faults }`.
 */
import { serve } from '@msg/core/testing'
import type { VendorName } from '../harness/vendor-kit.js'
import { vendorKits } from '../harness/vendor-kits.js'
import { withFivePercentFaults } from './load-faults.js'

// biome-ignore lint/suspicious/noUndeclaredEnvVars: set by start-fake-process, never by turbo
const kit = vendorKits[(process.env.VENDOR ?? 'feishu') as VendorName]
const fake = kit.createFake()
const faulty = withFivePercentFaults(fake.handle, kit.isSendPath)
let delivered = 0

const served = await serve(async (request) => {
  if (new URL(request.url).pathname !== '/__load/stats') return faulty.handler(request)
  delivered += fake.inbox.length
  fake.inbox.length = 0
  fake.requests.length = 0
  return Response.json({ delivered, faults: faulty.counts.faults })
})
setInterval(() => {
  delivered += fake.inbox.length
  fake.inbox.length = 0
  fake.requests.length = 0
}, 1_000).unref()
process.stdout.write(`${served.url}\n`)
process.stdin.resume()
process.stdin.on('end', () => served.close().then(() => process.exit(0)))
