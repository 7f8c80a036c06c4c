import { toFetch } from '@msg/core/testing'
import { benchSettings } from '../bench-settings.js'
import { createFakes } from '../fake-server/fakes.js'
import { runConcurrently } from '../measure/throughput.js'
import { allTargets } from '../targets/all-targets.js'

/**
 * Child process (run with --expose-gc): sends through one target against its fake in-process
 * (no sockets, so 100 000 sends fit in the time budget), and prints the heap after the baseline
 * and after the total, each read after forgetting what the fake recorded and settled GCs.
 */
const [name = 'core'] = process.argv.slice(2)
const target = allTargets.find((candidate) => candidate.name === name)
const fake = createFakes()[name]
const collect = (globalThis as { gc?: () => void }).gc
if (!target || !fake || !collect)
  throw new Error(`usage: node --expose-gc memory-child.js <target>; got ${name}`)

const pair = await target.prepare(
  'http://fake.invalid',
  toFetch((request) => fake.handle(request)),
)

/** Heap after full GCs with event-loop turns between them, so FinalizationRegistry cleanups (undici's Request signals) run. */
async function heapUsed(): Promise<number> {
  // reset() also drops the fake's de-duplication maps; the client then refreshes its token once.
  if (fake?.reset) fake.reset()
  else if (Array.isArray(fake?.requests)) fake.requests.length = 0
  for (let round = 0; round < 4; round++) {
    collect?.()
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  return process.memoryUsage().heapUsed
}

const { memoryBaseline, memoryTotal } = benchSettings
const started = performance.now()
await runConcurrently(pair.ours, memoryBaseline, 16)
const baseline = await heapUsed()
await runConcurrently(pair.ours, memoryTotal - memoryBaseline, 16)
const after = await heapUsed()
process.stdout.write(
  `${JSON.stringify({ baseline, after, sends: memoryTotal, seconds: (performance.now() - started) / 1000 })}\n`,
)
