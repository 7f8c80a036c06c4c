// `pnpm size`: size-limit (esbuild, gzip) over one app per vendor that calls sendText once, bundled
// for the browser with every dependency (≤ 12 kB), and over each vendor's own code with
// @msg/core and valibot left out (≤ 3 kB), plus the apps of the other entries (webhooks, the Feishu
// custom bot) with the budgets below. Prints the table; over budget exits 1.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { runCommand } from '../packages/run-command.mjs'
import { landedVendors } from '../sandbox/landed-vendors.mjs'
import { bundleBreakdown } from './bundle-breakdown.mjs'

/** The budgets, in bytes after minify + gzip. */
export const budgets = {
  app: '12 kB',
  own: '3 kB',
  webhookApp: '15 kB',
  fxiaokeWebhookApp: '5 kB',
  botApp: '10.5 kB',
  neteaseImWebhookApp: '7 kB',
  // An upload then a send: Feishu's rich half in full, plus core's transport (its `sendBy` check included).
  feishuUploadApp: '14.5 kB',
  fxiaokeRichApp: '14 kB',
  neteaseImRichApp: '14 kB',
  // A GeWe webhook bot with a paced reply carries the text half of the client.
  geweWebhookApp: '13 kB',
  geweRichApp: '12 kB',
}
const shared = ['@msg/core', 'valibot']
// NetEase's entry also exports its batch error class (the receiver bookkeeping of sendBatchMessages'
// outcome), which a text-only app keeps: 0.1 kB over the common own-code budget.
const ownBudgets = { 'netease-im': '3.1 kB' }
// Modules a vendor client loads with `import()` on first use (rich sends, uploads): an app that never
// calls them never loads them, so the text-only checks leave them out; the apps that use them count them.
// Leaving them out only holds while no client file imports them statically: packages/*/src/rich.test.ts
// bundle a text-only app with code splitting and fail when the rich code lands in its entry.
const lazy = {
  feishu: ['./rich.js'],
  fxiaoke: ['./rich.js'],
  gewe: ['./rich.js'],
  'netease-im': ['./rich.js'],
}

const root = fileURLToPath(new URL('../../', import.meta.url))
const app = (id) => `scripts/size/apps/${id}-app.mjs`

/** The size-limit checks for core (reported, no budget) and every landed vendor. */
export function sizeChecks() {
  const { landed, pending } = landedVendors()
  const checks = [
    { name: '@msg/core app (all deps)', path: app('core'), gzip: true },
    {
      name: '@msg/core own code',
      path: 'packages/core/dist/index.js',
      import: '*',
      gzip: true,
      ignore: ['valibot'],
    },
  ]
  for (const vendor of landed) {
    if (!existsSync(`${root}${app(vendor.id)}`)) throw new Error(`missing ${app(vendor.id)}`)
    checks.push(
      {
        name: `${vendor.packageName} app (all deps)`,
        path: app(vendor.id),
        gzip: true,
        limit: budgets.app,
        ...(lazy[vendor.id] ? { ignore: lazy[vendor.id] } : {}),
      },
      {
        name: `${vendor.packageName} own code`,
        path: `packages/${vendor.directory}/dist/index.js`,
        gzip: true,
        ignore: [...shared, ...(lazy[vendor.id] ?? [])],
        limit: ownBudgets[vendor.id] ?? budgets.own,
      },
    )
  }
  // Receiving lives behind its own subpath: a bot that verifies, decrypts and replies.
  if (landed.some((vendor) => vendor.id === 'feishu')) {
    checks.push({
      name: '@msg/feishu/webhook app (all deps)',
      path: app('feishu-webhook'),
      gzip: true,
      limit: budgets.webhookApp,
      ignore: lazy.feishu,
    })
    // Upload an image, then send it: the lazily loaded rich code counted in full.
    checks.push({
      name: '@msg/feishu upload app (all deps)',
      path: app('feishu-upload'),
      gzip: true,
      limit: budgets.feishuUploadApp,
    })
    // The custom-bot webhook, also its own subpath: one signed text. Core's transport, envelope reader,
    // channels and valibot alone come to about 6.9 kB of it.
    checks.push({
      name: '@msg/feishu/bot app (all deps)',
      path: app('feishu-bot'),
      gzip: true,
      limit: budgets.botApp,
    })
  }
  if (landed.some((vendor) => vendor.id === 'fxiaoke')) {
    checks.push({
      name: '@msg/fxiaoke/webhook app (all deps)',
      path: app('fxiaoke-webhook'),
      gzip: true,
      limit: budgets.fxiaokeWebhookApp,
    })
    // Upload an image, then send a composite card: the lazily loaded rich code counted in full.
    checks.push({
      name: '@msg/fxiaoke rich app (all deps)',
      path: app('fxiaoke-rich'),
      gzip: true,
      limit: budgets.fxiaokeRichApp,
    })
  }
  if (landed.some((vendor) => vendor.id === 'netease-im')) {
    checks.push({
      name: '@msg/netease-im/webhook app (all deps)',
      path: app('netease-im-webhook'),
      gzip: true,
      limit: budgets.neteaseImWebhookApp,
    })
    checks.push({
      name: '@msg/netease-im/webhook bot app (all deps)',
      path: app('netease-im-webhook-bot'),
      gzip: true,
      limit: budgets.webhookApp,
      ignore: lazy['netease-im'],
    })
    // An image message, then its recall: the lazily loaded rich code counted in full.
    checks.push({
      name: '@msg/netease-im rich app (all deps)',
      path: app('netease-im-rich'),
      gzip: true,
      limit: budgets.neteaseImRichApp,
    })
  }
  if (landed.some((vendor) => vendor.id === 'gewe')) {
    checks.push({
      name: '@msg/gewe/webhook app (all deps)',
      path: app('gewe-webhook'),
      gzip: true,
      limit: budgets.geweWebhookApp,
      ignore: lazy.gewe,
    })
    // One link card: the lazily loaded rich code counted in full.
    checks.push({
      name: '@msg/gewe rich app (all deps)',
      path: app('gewe-rich'),
      gzip: true,
      limit: budgets.geweRichApp,
    })
  }
  return { checks, pending }
}

/** Runs size-limit, prints the table and what dominates each app; returns the failures. */
export async function checkSize() {
  const { checks, pending } = sizeChecks()
  mkdirSync(`${root}.cache`, { recursive: true })
  const configPath = `${root}.cache/size-limit.mjs`
  const relative = checks.map((check) => ({ ...check, path: `../${check.path}` }))
  // ESM output keeps an entry's exports (a library's whole public surface) without the namespace
  // wrapper `import: '*'` adds: the same measure as `esbuild --bundle --minify --format=esm | gzip -9`.
  writeFileSync(
    configPath,
    `const esm = (config) => ({ ...config, format: 'esm' })\nexport default ${JSON.stringify(relative, null, 2)}.map((check) => ({ ...check, modifyEsbuildConfig: esm }))\n`,
  )
  let stdout
  try {
    stdout = runCommand('npx', ['--no-install', 'size-limit', '--json', '--config', configPath], {
      cwd: root,
    }).stdout
  } catch (error) {
    // size-limit exits 1 when a check is over budget but still prints its JSON
    if (!String(error.stdout).includes('"passed"')) throw error
    stdout = error.stdout
  }
  const results = JSON.parse(stdout.slice(stdout.indexOf('[')))
  console.log('\n| check | gzip | budget | |\n|---|---|---|---|')
  const failures = []
  for (const [index, result] of results.entries()) {
    const budget = checks[index].limit ?? '—'
    const ok = result.passed !== false
    if (!ok) failures.push(result.name)
    console.log(
      `| ${result.name} | ${(result.size / 1000).toFixed(2)} kB | ${budget} | ${ok ? 'ok' : 'OVER'} |`,
    )
  }
  for (const check of checks.filter((item) => item.name.includes(' app '))) {
    const parts = await bundleBreakdown(`${root}${check.path}`)
    const total = parts.reduce((sum, [, bytes]) => sum + bytes, 0)
    const text = parts.map(([name, bytes]) => `${name} ${((bytes / total) * 100).toFixed(0)}%`).join(', ')
    console.log(`  ${check.name}: ${(total / 1000).toFixed(1)} kB minified — ${text}`)
  }
  if (pending.length > 0)
    console.log(`  PENDING (not merged yet): ${pending.map((vendor) => vendor.id).join(', ')}`)
  return failures
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const failures = await checkSize()
  if (failures.length > 0) console.log(`over budget: ${failures.join(', ')}`)
  process.exit(failures.length === 0 ? 0 : 1)
}
