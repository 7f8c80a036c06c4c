import { benchSettings } from '../bench-settings.js'
import { type Summary, summarize } from '../statistics.js'
import type { SendPair } from '../targets/target.js'

/** Sends per second at a fixed concurrency, and how busy each side was. */
export interface ThroughputResult {
  sendsPerSecond: Summary
  /** Client process CPU use during the blocks, in % of one core (median). */
  clientCpuPercent: number
  /** Fake server process CPU use during the blocks, in % of one core (median). */
  serverCpuPercent: number
}

/** Runs `total` sends with `concurrency` of them in flight at any time; returns the elapsed ms. */
export async function runConcurrently(send: () => Promise<unknown>, total: number, concurrency: number) {
  let started = 0
  const worker = async () => {
    while (started < total) {
      started++
      await send()
    }
  }
  const begin = performance.now()
  await Promise.all(Array.from({ length: Math.min(concurrency, total) }, worker))
  return performance.now() - begin
}

/** Alternating throughput blocks for both senders at the configured concurrency. */
export async function measureThroughput(
  pair: SendPair,
  serverCpu: () => Promise<number>,
): Promise<{ ours: ThroughputResult; raw: ThroughputResult }> {
  const { repetitions, throughputSends, concurrency, warmup } = benchSettings
  await runConcurrently(pair.raw, warmup, concurrency)
  await runConcurrently(pair.ours, warmup, concurrency)
  const samples = {
    ours: { rate: [] as number[], client: [] as number[], server: [] as number[] },
    raw: { rate: [] as number[], client: [] as number[], server: [] as number[] },
  }
  for (let repetition = 0; repetition < repetitions; repetition++) {
    const order = repetition % 2 === 0 ? (['raw', 'ours'] as const) : (['ours', 'raw'] as const)
    for (const which of order) {
      const serverBefore = await serverCpu()
      const clientBefore = process.cpuUsage()
      const elapsed = await runConcurrently(pair[which], throughputSends, concurrency)
      const client = process.cpuUsage(clientBefore)
      const server = (await serverCpu()) - serverBefore
      const into = samples[which]
      into.rate.push((throughputSends / elapsed) * 1000)
      into.client.push(((client.user + client.system) / 1000 / elapsed) * 100)
      into.server.push((server / 1000 / elapsed) * 100)
    }
  }
  const result = (which: 'ours' | 'raw'): ThroughputResult => ({
    sendsPerSecond: summarize(samples[which].rate),
    clientCpuPercent: summarize(samples[which].client).median,
    serverCpuPercent: summarize(samples[which].server).median,
  })
  return { ours: result('ours'), raw: result('raw') }
}
