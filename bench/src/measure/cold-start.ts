import { benchSettings } from '../bench-settings.js'
import { type Summary, summarize } from '../statistics.js'
import { coldSource, type OneSendApp } from '../targets/one-send-apps.js'
import { lastJsonLine, runNode, writeGeneratedModule } from './child-process.js'

/** A fresh process that imports a client and sends once. */
export interface ColdStartResult {
  /** Time of the dynamic import alone, ms. */
  importMs: Summary
  /** Wall time of the whole process (spawn to exit), ms. */
  processMs: Summary
  /** Peak resident set size, MB. */
  peakRssMb: Summary
}

interface ChildReport {
  importMs: number
  maxRssKb: number
}

/** Bare `node -e` (prints its own peak RSS and exits): the floor every process pays. */
export async function measureBareNode(): Promise<ColdStartResult> {
  const wall: number[] = []
  const rss: number[] = []
  for (let run = 0; run < benchSettings.coldStarts; run++) {
    const { stdout, wallMs } = await runNode([
      '-e',
      'process.stdout.write(JSON.stringify({ importMs: 0, maxRssKb: process.resourceUsage().maxRSS }))',
    ])
    wall.push(wallMs)
    rss.push(lastJsonLine<ChildReport>(stdout).maxRssKb / 1024)
  }
  return { importMs: summarize([0]), processMs: summarize(wall), peakRssMb: summarize(rss) }
}

/** Runs the app `coldStarts` times in fresh processes against the fake at `baseURL`. */
export async function measureColdStart(
  name: string,
  app: OneSendApp,
  baseURL: string,
): Promise<ColdStartResult> {
  const path = writeGeneratedModule(`cold-${name}`, coldSource(app))
  const imports: number[] = []
  const wall: number[] = []
  const rss: number[] = []
  for (let run = 0; run < benchSettings.coldStarts; run++) {
    const { stdout, wallMs } = await runNode([path, baseURL])
    const report = lastJsonLine<ChildReport>(stdout)
    imports.push(report.importMs)
    wall.push(wallMs)
    rss.push(report.maxRssKb / 1024)
  }
  return { importMs: summarize(imports), processMs: summarize(wall), peakRssMb: summarize(rss) }
}
