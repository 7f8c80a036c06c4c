import { benchSettings } from '../bench-settings.js'
import { type Summary, summarize } from '../statistics.js'
import type { SendPair } from '../targets/target.js'

/** Sequential latency of one sender: median per-send time and client CPU per send. */
export interface LatencyResult {
  /** Median per-send latency of each block, in µs, summarised over the repetitions. */
  latency: Summary
  /** Client CPU µs per send, over the repetitions. */
  cpu: Summary
}

async function block(send: () => Promise<unknown>, count: number) {
  const timings: number[] = []
  const cpuBefore = process.cpuUsage()
  for (let index = 0; index < count; index++) {
    const started = performance.now()
    await send()
    timings.push((performance.now() - started) * 1000)
  }
  const cpu = process.cpuUsage(cpuBefore)
  return { latency: summarize(timings).median, cpu: (cpu.user + cpu.system) / count }
}

/** Warms both senders up, then alternates timed blocks of sequential sends (raw first, then ours first). */
export async function measureLatency(pair: SendPair): Promise<{ ours: LatencyResult; raw: LatencyResult }> {
  const { warmup, repetitions, latencySends } = benchSettings
  for (let index = 0; index < warmup; index++) {
    await pair.raw()
    await pair.ours()
  }
  const ours = { latency: [] as number[], cpu: [] as number[] }
  const raw = { latency: [] as number[], cpu: [] as number[] }
  for (let repetition = 0; repetition < repetitions; repetition++) {
    const order = repetition % 2 === 0 ? (['raw', 'ours'] as const) : (['ours', 'raw'] as const)
    for (const which of order) {
      const result = await block(pair[which], latencySends)
      const into = which === 'ours' ? ours : raw
      into.latency.push(result.latency)
      into.cpu.push(result.cpu)
    }
  }
  return {
    ours: { latency: summarize(ours.latency), cpu: summarize(ours.cpu) },
    raw: { latency: summarize(raw.latency), cpu: summarize(raw.cpu) },
  }
}
