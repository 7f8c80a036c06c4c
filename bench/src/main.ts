import { writeFileSync } from 'node:fs'
import { benchSettings } from './bench-settings.js'
import { startFakeServer } from './fake-server/start-fake-server.js'
import { measureBundleSize, measureWebhookAppSize } from './measure/bundle-size.js'
import { benchDirectory } from './measure/child-process.js'
import { measureBareNode, measureColdStart } from './measure/cold-start.js'
import { measureLatency } from './measure/latency.js'
import { measureMemory } from './measure/memory.js'
import { profileSends } from './measure/profile.js'
import { measureThroughput } from './measure/throughput.js'
import { measureTokenRequests } from './measure/token-requests.js'
import { measureWebhookMemory } from './measure/webhook-memory.js'
import { measureWebhookThroughput } from './measure/webhook-throughput.js'
import { renderReport, renderTables } from './report/markdown.js'
import type { BenchResults } from './report/results.js'
import { allTargets, comparedTargets, pendingVendors, tokenTargets } from './targets/all-targets.js'
import { oneSendApps } from './targets/one-send-apps.js'

/** `pnpm bench`: measures everything in one run, prints the tables and writes BENCHMARKS.md. */
const started = performance.now()
const progress = (message: string) =>
  process.stderr.write(`[bench ${((performance.now() - started) / 1000).toFixed(0)}s] ${message}\n`)
const results: BenchResults = {
  date: new Date().toISOString(),
  durationSeconds: 0,
  targets: [],
  tokenRequests: [],
  coldStarts: [],
  bundles: [],
  memory: [],
  profiles: [],
  pending: pendingVendors,
}

const server = await startFakeServer()
const urlOf = (name: string) => {
  const url = server.urls[name]
  if (!url) throw new Error(`no fake served for ${name}`)
  return url
}
try {
  for (const target of comparedTargets) {
    progress(`latency and throughput: ${target.label}`)
    const pair = await target.prepare(urlOf(target.name))
    const latency = await measureLatency(pair)
    const throughput = await measureThroughput(pair, server.cpuMicroseconds)
    results.targets.push({ label: target.label, latency, throughput })
    await server.trim()
  }
  for (const target of tokenTargets) {
    progress(`token requests: ${target.label}`)
    results.tokenRequests.push(await measureTokenRequests(target, urlOf(target.fake), server))
  }
  progress('cold starts')
  results.coldStarts.push({ label: 'bare node -e', result: await measureBareNode() })
  for (const [name, app] of Object.entries(oneSendApps)) {
    results.coldStarts.push({ label: app.label, result: await measureColdStart(name, app, urlOf(app.fake)) })
  }
  progress('bundle sizes')
  for (const app of Object.values(oneSendApps)) {
    results.bundles.push({ label: app.label, result: await measureBundleSize(app) })
  }
  for (const target of allTargets) {
    progress(`memory: ${target.label}`)
    results.memory.push({
      label: target.label,
      result: await measureMemory(target.name, benchSettings.memoryBaseline),
    })
  }
  for (const target of allTargets.filter((candidate) => candidate.profile)) {
    progress(`profile: ${target.label}`)
    const sends = benchSettings.profileSends
    results.profiles.push({
      label: target.label,
      sends,
      ours: await profileSends(target.name, urlOf(target.name), 'ours', sends),
      raw: await profileSends(target.name, urlOf(target.name), 'raw', sends),
    })
  }
  progress('webhook: events/s against the Lark EventDispatcher')
  const webhookThroughput = await measureWebhookThroughput()
  progress('webhook: heap over distinct events')
  results.webhook = {
    throughput: webhookThroughput,
    memory: await measureWebhookMemory(),
    appSize: await measureWebhookAppSize(),
  }
} finally {
  await server.close()
}
results.durationSeconds = (performance.now() - started) / 1000
process.stdout.write(`${renderTables(results)}\n`)
const reportPath = process.env.BENCH_REPORT ?? `${benchDirectory}../BENCHMARKS.md`
writeFileSync(reportPath, renderReport(results))
progress(`wrote ${reportPath}`)
