// The runtime smoke: imports the BUILT packages by name (plain resolution, no @msg/source) and runs
// the shared scenario against the fakes whose URLs arrive in MSG_SMOKE_ENDPOINTS, then the Feishu
// and Fxiaoke webhook checks and the NetEase IM message-copy checks in-process (pushes from the
// testing kits into `webhook.fetch`). Runs unchanged under Node, Bun and Deno; exits non-zero when
// any check fails.
import process from 'node:process'
import * as core from '@msg/core'
import * as valibot from 'valibot'
import { createEchoClient } from '../sandbox/echo-client.mjs'
import {
  pushRequest,
  recordingWebhook,
  webhookChecks,
  webhookUrl,
} from '../sandbox/feishu-webhook-scenario.mjs'
import {
  fxiaokePushRequest,
  fxiaokeWebhookChecks,
  fxiaokeWebhookUrl,
  recordingFxiaokeWebhook,
} from '../sandbox/fxiaoke-webhook-scenario.mjs'
import {
  copyRequest,
  neteaseImWebhookChecks,
  neteaseImWebhookUrl,
  recordingNeteaseImWebhook,
} from '../sandbox/netease-im-webhook-scenario.mjs'
import { runSmoke } from '../sandbox/smoke-scenario.mjs'
import { vendorById } from '../sandbox/vendors.mjs'

function runtimeName() {
  if (globalThis.Deno) return `deno ${globalThis.Deno.version.deno}`
  if (globalThis.Bun) return `bun ${globalThis.Bun.version}`
  return `node ${process.versions.node}`
}

const endpoints = JSON.parse(process.env.MSG_SMOKE_ENDPOINTS ?? 'null')
if (!endpoints) {
  console.error('MSG_SMOKE_ENDPOINTS is not set: run scripts/runtimes/run-matrix.mjs')
  process.exit(2)
}
const vendorModules = {}
for (const id of Object.keys(endpoints.vendors)) {
  vendorModules[id] = await import(vendorById(id).packageName)
}
const resolved = import.meta.resolve('@msg/core')
console.log(
  `${runtimeName()} — @msg/core ${core.version} from ${resolved.replace(/^.*\/packages\//, 'packages/')}`,
)
if (!resolved.includes('/dist/')) {
  console.error('  FAIL @msg/core did not resolve to its built dist/')
  process.exit(1)
}
let { passed, failed } = await runSmoke({
  endpoints,
  core,
  valibot,
  createEchoClient,
  vendorModules,
  log: (line) => console.log(line),
})
if (vendorModules.feishu) {
  const { createFeishuWebhook } = await import('@msg/feishu/webhook')
  const testing = await import('@msg/feishu/testing')
  if (!import.meta.resolve('@msg/feishu/webhook').includes('/dist/')) {
    console.error('  FAIL @msg/feishu/webhook did not resolve to its built dist/')
    process.exit(1)
  }
  const { webhook, seen } = recordingWebhook(createFeishuWebhook)
  const check = async (name, run) => {
    try {
      const detail = await run()
      passed += 1
      console.log(`  ok   ${name}${detail ? ` (${detail})` : ''}`)
    } catch (error) {
      failed += 1
      console.log(`  FAIL ${name}: ${error instanceof Error ? error.message : String(error)}`)
    }
  }
  await webhookChecks(check, {
    testing,
    send: (push) => webhook.fetch(pushRequest(webhookUrl, push)),
    seen: () => seen,
  })
}
if (vendorModules.fxiaoke) {
  const { createFxiaokeWebhook } = await import('@msg/fxiaoke/webhook')
  const testing = await import('@msg/fxiaoke/testing')
  if (!import.meta.resolve('@msg/fxiaoke/webhook').includes('/dist/')) {
    console.error('  FAIL @msg/fxiaoke/webhook did not resolve to its built dist/')
    process.exit(1)
  }
  const { webhook, seen } = recordingFxiaokeWebhook(createFxiaokeWebhook)
  await fxiaokeWebhookChecks(
    async (name, run) => {
      try {
        const detail = await run()
        passed += 1
        console.log(`  ok   ${name}${detail ? ` (${detail})` : ''}`)
      } catch (error) {
        failed += 1
        console.log(`  FAIL ${name}: ${error instanceof Error ? error.message : String(error)}`)
      }
    },
    {
      testing,
      send: (push) => webhook.fetch(fxiaokePushRequest(fxiaokeWebhookUrl, push)),
      seen: () => seen,
    },
  )
}
if (vendorModules['netease-im']) {
  const { createNeteaseImWebhook } = await import('@msg/netease-im/webhook')
  const testing = await import('@msg/netease-im/testing')
  if (!import.meta.resolve('@msg/netease-im/webhook').includes('/dist/')) {
    console.error('  FAIL @msg/netease-im/webhook did not resolve to its built dist/')
    process.exit(1)
  }
  const { webhook, seen } = recordingNeteaseImWebhook(createNeteaseImWebhook)
  await neteaseImWebhookChecks(
    async (name, run) => {
      try {
        const detail = await run()
        passed += 1
        console.log(`  ok   ${name}${detail ? ` (${detail})` : ''}`)
      } catch (error) {
        failed += 1
        console.log(`  FAIL ${name}: ${error instanceof Error ? error.message : String(error)}`)
      }
    },
    {
      testing,
      send: (push) => webhook.fetch(copyRequest(neteaseImWebhookUrl, push)),
      seen: () => seen,
    },
  )
}
console.log(`  ${passed} passed, ${failed} failed`)
process.exit(failed === 0 && passed > 0 ? 0 : 1)
