// The workerd leg of the runtime matrix, run by Node: bundles workerd/worker.mjs (the four built
// webhooks and the Feishu custom bot in a Worker) with esbuild, serves it with the workerd binary
// from `.runtimes/` on a loopback port (start-workerd.mjs), drives it over HTTP with the shared
// webhook checks, and stops it.
// Usage: node workerd-smoke.mjs <path to workerd>; exits non-zero when any check fails.
import { fileURLToPath } from 'node:url'
import * as testing from '@msg/feishu/testing'
import * as fxiaokeTesting from '@msg/fxiaoke/testing'
import * as geweTesting from '@msg/gewe/testing'
import * as neteaseImTesting from '@msg/netease-im/testing'
import { createCheckTally } from '../sandbox/check-tally.mjs'
import { pushRequest, webhookChecks } from '../sandbox/feishu-webhook-scenario.mjs'
import { fxiaokePushRequest, fxiaokeWebhookChecks } from '../sandbox/fxiaoke-webhook-scenario.mjs'
import { geweCallbackRequest, geweWebhookChecks } from '../sandbox/gewe-webhook-scenario.mjs'
import { copyRequest, neteaseImWebhookChecks } from '../sandbox/netease-im-webhook-scenario.mjs'
import { bundleWorker, startWorkerd } from './start-workerd.mjs'

const workerd = process.argv[2]
if (!workerd) {
  console.error('usage: node workerd-smoke.mjs <workerd binary>')
  process.exit(2)
}

let worker
const tally = createCheckTally()
const { check } = tally
try {
  const code = await bundleWorker(fileURLToPath(new URL('./workerd/worker.mjs', import.meta.url)))
  console.log(`worker bundle ${(code.length / 1024).toFixed(1)} kB (the webhooks and the bot from dist/)`)
  worker = await startWorkerd(workerd, code)
  const base = worker.url
  console.log(`workerd listening on ${base}`)

  await webhookChecks(check, {
    testing,
    prefix: 'feishu webhook in workerd',
    send: (push) => fetch(pushRequest(`${base}/feishu/events`, push)),
    seen: async () => (await fetch(`${base}/seen`)).json(),
  })
  await fxiaokeWebhookChecks(check, {
    testing: fxiaokeTesting,
    prefix: 'fxiaoke webhook in workerd',
    send: (push) => fetch(fxiaokePushRequest(`${base}/fxiaoke/callback`, push)),
    seen: async () => (await fetch(`${base}/fxiaoke/seen`)).json(),
  })
  await geweWebhookChecks(check, {
    testing: geweTesting,
    prefix: 'gewe webhook in workerd',
    send: (request) => fetch(geweCallbackRequest(base, request)),
    seen: async () => (await fetch(`${base}/gewe/seen`)).json(),
  })
  // The custom bot inside the Worker: it reports each check's outcome.
  for (const result of await (await fetch(`${base}/bot-checks`)).json()) {
    await check(result.name, async () => {
      if (!result.ok) throw new Error(result.detail)
      return result.detail
    })
  }
  await neteaseImWebhookChecks(check, {
    testing: neteaseImTesting,
    prefix: 'netease-im webhook in workerd',
    send: (push) => fetch(copyRequest(`${base}/netease-im/copy`, push)),
    seen: async () => (await fetch(`${base}/netease-im/seen`)).json(),
  })
} catch (error) {
  tally.fail('workerd', error)
} finally {
  await worker?.stop()
}
console.log(`  ${tally.passed} passed, ${tally.failed} failed`)
process.exit(tally.failed === 0 && tally.passed > 0 ? 0 : 1)
