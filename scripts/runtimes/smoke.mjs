// The runtime smoke: imports the BUILT packages by name (plain resolution, no @msg/source) and runs
// the shared scenario against the fakes whose URLs arrive in MSG_SMOKE_ENDPOINTS, then the in-process
// groups below (webhooks fed pushes from the testing kits, the custom bot against its fake answer),
// each on the built dist/ of its entry. Runs unchanged under Node, Bun and Deno; exits non-zero when
// any check fails.
import process from 'node:process'
import * as core from '@msg/core'
import * as valibot from 'valibot'
import { createEchoClient } from '../sandbox/echo-client.mjs'
import { botChecks } from '../sandbox/feishu-bot-scenario.mjs'
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
  geweCallbackRequest,
  geweRecordingWebhook,
  geweWebhookChecks,
  geweWebhookOrigin,
} from '../sandbox/gewe-webhook-scenario.mjs'
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
const tally = await runSmoke({
  endpoints,
  core,
  valibot,
  createEchoClient,
  vendorModules,
  log: (line) => console.log(line),
})

const { check } = tally

/** Imports a package entry, which must resolve to its built dist/. */
async function built(specifier) {
  if (!import.meta.resolve(specifier).includes('/dist/'))
    throw new Error(`${specifier} did not resolve to its built dist/`)
  return import(specifier)
}

/** In-process check groups: `vendor` must be in the matrix; `run` gets the shared `check`. */
const groups = [
  {
    vendor: 'feishu',
    name: '@msg/feishu/webhook',
    async run() {
      const { createFeishuWebhook } = await built('@msg/feishu/webhook')
      const testing = await import('@msg/feishu/testing')
      const { webhook, seen } = recordingWebhook(createFeishuWebhook)
      await webhookChecks(check, {
        testing,
        send: (push) => webhook.fetch(pushRequest(webhookUrl, push)),
        seen: () => seen,
      })
    },
  },
  {
    vendor: 'feishu',
    name: '@msg/feishu/bot',
    async run() {
      // The custom bot: WebCrypto signing and the runtime's fetch types, against the fake bot in-process.
      const { createFeishuBot } = await built('@msg/feishu/bot')
      const { createFeishuBotAnswer } = await import('@msg/feishu/testing')
      await botChecks(check, { createFeishuBot, createFeishuBotAnswer })
    },
  },
  {
    vendor: 'fxiaoke',
    name: '@msg/fxiaoke/webhook',
    async run() {
      const { createFxiaokeWebhook } = await built('@msg/fxiaoke/webhook')
      const testing = await import('@msg/fxiaoke/testing')
      const { webhook, seen } = recordingFxiaokeWebhook(createFxiaokeWebhook)
      await fxiaokeWebhookChecks(check, {
        testing,
        send: (push) => webhook.fetch(fxiaokePushRequest(fxiaokeWebhookUrl, push)),
        seen: () => seen,
      })
    },
  },
  {
    vendor: 'netease-im',
    name: '@msg/netease-im/webhook',
    async run() {
      const { createNeteaseImWebhook } = await built('@msg/netease-im/webhook')
      const testing = await import('@msg/netease-im/testing')
      const { webhook, seen } = recordingNeteaseImWebhook(createNeteaseImWebhook)
      await neteaseImWebhookChecks(check, {
        testing,
        send: (push) => webhook.fetch(copyRequest(neteaseImWebhookUrl, push)),
        seen: () => seen,
      })
    },
  },
  {
    vendor: 'gewe',
    name: '@msg/gewe/webhook',
    async run() {
      const { createGeweWebhook } = await built('@msg/gewe/webhook')
      const testing = await import('@msg/gewe/testing')
      const { webhook, seen } = geweRecordingWebhook(createGeweWebhook)
      await geweWebhookChecks(check, {
        testing,
        send: (request) => webhook.fetch(geweCallbackRequest(geweWebhookOrigin, request)),
        seen: () => seen,
      })
    },
  },
]

for (const group of groups) {
  if (!vendorModules[group.vendor]) continue
  await check(`${group.name} loads from dist/`, () => group.run())
}
console.log(`  ${tally.passed} passed, ${tally.failed} failed`)
process.exit(tally.failed === 0 && tally.passed > 0 ? 0 : 1)
