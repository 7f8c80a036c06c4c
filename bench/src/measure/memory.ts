import { fileURLToPath } from 'node:url'
import { lastJsonLine, runNode } from './child-process.js'

/** Heap in use after the baseline sends and after the full run, in one fresh process. */
export interface MemoryResult {
  baselineSends: number
  totalSends: number
  baselineHeapMb: number
  afterHeapMb: number
  /** Heap growth per send between the two readings, bytes. */
  growthBytesPerSend: number
  seconds: number
}

/** Runs the memory child for one target with --expose-gc. */
export async function measureMemory(name: string, baselineSends: number): Promise<MemoryResult> {
  const child = fileURLToPath(new URL('../children/memory-child.js', import.meta.url))
  const { stdout } = await runNode(['--expose-gc', child, name])
  const report = lastJsonLine<{ baseline: number; after: number; sends: number; seconds: number }>(stdout)
  const megabyte = 1024 * 1024
  return {
    baselineSends,
    totalSends: report.sends,
    baselineHeapMb: report.baseline / megabyte,
    afterHeapMb: report.after / megabyte,
    growthBytesPerSend: (report.after - report.baseline) / (report.sends - baselineSends),
    seconds: report.seconds,
  }
}
