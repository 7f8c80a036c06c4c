import { benchSettings } from '../bench-settings.js'
import { kilobytes, ratio, spread, table } from './format.js'
import type { BenchResults } from './results.js'

/** 1. Sequential latency against raw fetch. */
export function latencySection(results: BenchResults): string {
  const rows = results.targets.map(({ label, latency }) => {
    const value = latency.ours.latency.median / latency.raw.latency.median
    return [
      label,
      spread(latency.raw.latency),
      spread(latency.ours.latency),
      ratio(value, '≤ 1.10', value <= 1.1),
      (latency.ours.latency.median - latency.raw.latency.median).toFixed(0),
      `${latency.raw.cpu.median.toFixed(0)} → ${latency.ours.cpu.median.toFixed(0)}`,
    ]
  })
  return `## 1. Per-send overhead (sequential \`sendText\` vs raw \`fetch\` + \`JSON.parse\`)

${benchSettings.repetitions} alternating blocks of ${benchSettings.latencySends} sequential sends each, after ${benchSettings.warmup} warm-up sends. Latency = median per-send time of a block, µs: median (min–max) over the blocks. Client CPU is the sending process's CPU time per send (the fake runs in another process), which exposes our overhead even when latency is dominated by the loopback round trip.

${table(['target', 'raw fetch µs', 'ours µs', 'latency ratio', 'added µs', 'client CPU µs/send raw → ours'], rows)}`
}

/** 2. Throughput at a fixed concurrency. */
export function throughputSection(results: BenchResults): string {
  const rows = results.targets.map(({ label, throughput }) => {
    const value = throughput.ours.sendsPerSecond.median / throughput.raw.sendsPerSecond.median
    return [
      label,
      spread(throughput.raw.sendsPerSecond),
      spread(throughput.ours.sendsPerSecond),
      ratio(value, '≥ 0.90', value >= 0.9),
      `${throughput.raw.clientCpuPercent.toFixed(0)}% / ${throughput.raw.serverCpuPercent.toFixed(0)}%`,
      `${throughput.ours.clientCpuPercent.toFixed(0)}% / ${throughput.ours.serverCpuPercent.toFixed(0)}%`,
    ]
  })
  return `## 2. Throughput (sends/s at concurrency ${benchSettings.concurrency})

${benchSettings.repetitions} alternating blocks of ${benchSettings.throughputSends} sends each. CPU columns: busy share of one core, client / fake server; a side near 100% is the bottleneck.

${table(['target', 'raw fetch sends/s', 'ours sends/s', 'throughput ratio', 'CPU raw client/fake', 'CPU ours client/fake'], rows)}`
}

/** 3. Against the official Lark/Feishu SDK. */
export function larkSection(results: BenchResults): string {
  const tokens = table(
    ['client', 'concurrent first sends', 'token requests at the fake', 'failed sends', 'goal'],
    results.tokenRequests.map((row) => [
      row.label,
      String(row.firstSends),
      String(row.tokenRequests),
      String(row.failedSends),
      row.label.startsWith('@msg') ? (row.tokenRequests === 1 ? '1: met' : '1: MISSED') : '(reference)',
    ]),
  )
  const cold = table(
    ['process', 'import ms', 'whole process ms', 'peak RSS MB'],
    results.coldStarts.map(({ label, result }) => [
      label,
      label.startsWith('bare') ? '–' : spread(result.importMs, 1),
      spread(result.processMs),
      spread(result.peakRssMb, 1),
    ]),
  )
  return `## 3. Against \`@larksuiteoapi/node-sdk\` (same fake Feishu)

Sequential latency and throughput of the Lark SDK are rows of tables 1 and 2 (same raw fetch baseline as @msg/feishu).

Token requests for ${benchSettings.firstSends} concurrent first sends on a fresh client:

${tokens}

Cold start: a fresh process that imports the client and sends one text to the fake, ${benchSettings.coldStarts} runs each, median (min–max):

${cold}`
}

/** 4. Bundle sizes. */
export function bundleSection(results: BenchResults): string {
  return `## 4. Bundle size (esbuild, minified ESM with code splitting, one-send app: what it loads before the first call)

${table(
  ['app', 'platform', 'minified', 'gzip -9'],
  results.bundles.map(({ label, result }) => [
    label,
    result.platform,
    kilobytes(result.minifiedBytes),
    kilobytes(result.gzipBytes),
  ]),
)}`
}

/** 5. Heap growth. */
export function memorySection(results: BenchResults): string {
  return `## 5. Memory (heap after ${benchSettings.memoryTotal} sends vs after ${benchSettings.memoryBaseline})

One fresh process per target with \`--expose-gc\`, sends at concurrency 16 through an in-process fetch into the fake (no sockets, so the counts fit the time budget); the fake's records are dropped and four full GCs with event-loop turns between them run before each reading (undici frees a Request's signal listeners through a FinalizationRegistry, which needs those turns; without them about 10–15 kB per recent send looks retained). Goal: no growth (a leak would show as bytes per send well above 0).

${table(
  ['target', 'heap after baseline MB', 'heap after total MB', 'growth bytes/send', 'seconds'],
  results.memory.map(({ label, result }) => [
    label,
    result.baselineHeapMb.toFixed(2),
    result.afterHeapMb.toFixed(2),
    result.growthBytesPerSend.toFixed(2),
    result.seconds.toFixed(1),
  ]),
)}`
}

/** 6. Where the CPU time of a send goes. */
export function profileSection(results: BenchResults): string {
  return results.profiles
    .map(({ label, ours, raw, sends }) => {
      const rawByName = new Map(raw.groups.map((entry) => [entry.name, entry.microsecondsPerSend]))
      const rows = ours.groups.map((entry) => [
        entry.name,
        (rawByName.get(entry.name) ?? 0).toFixed(1),
        entry.microsecondsPerSend.toFixed(1),
      ])
      const functions = ours.functions.map((entry) => [entry.name, entry.microsecondsPerSend.toFixed(1)])
      return `## 6. Profile of the send path: ${label} (\`node --cpu-prof\`, ${sends} sequential sends)

Self time by module, µs per send (idle excluded):

${table(['module', 'raw fetch', 'ours'], rows)}

Top functions by self time (ours), µs per send:

${table(['function', 'µs/send'], functions)}`
    })
    .join('\n\n')
}
