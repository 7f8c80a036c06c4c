import { fileURLToPath } from 'node:url'
import { runNode, startNode } from '@msg/core/testing'

/** The built binary the end-to-end tests run. */
export const binPath = fileURLToPath(new URL('../dist/bin.js', import.meta.url))

/** What one `msg` run printed and how it exited. */
export interface MsgRun {
  code: number | null
  stdout: string
  stderr: string
}

/** Every output of every run, so a test can check that no secret was ever printed. */
export const allRuns: MsgRun[] = []

/**
 * Runs `node dist/bin.js …args` with only PATH plus `env` in its environment, optional standard
 * input, and a hard limit (the process is killed after `limitMs`).
 */
export async function runMsg(
  args: string[],
  options: { env?: Record<string, string>; stdin?: string; limitMs?: number } = {},
): Promise<MsgRun> {
  const { code, stdout, stderr } = await runNode(binPath, args, options)
  const run = { code, stdout, stderr }
  allRuns.push(run)
  return run
}

/** A running `msg sandbox --json`, as the test sees it. */
export interface SandboxProcess {
  url: string
  vendors: Record<
    string,
    {
      baseURL: string
      env: Record<string, string>
      credentials: Record<string, string>
      target: Record<string, string>
    }
  >
  /** `GET /_sandbox`: the request count and inbox of each fake. */
  seen(): Promise<Record<string, { requests: number; inbox: unknown[] }>>
  stop(): Promise<number | null>
}

/** Spawns `msg sandbox --json` and resolves once it printed its URLs. */
export async function startSandboxProcess(): Promise<SandboxProcess> {
  const child = startNode(binPath, ['sandbox', '--json'])
  const line = await child.nextLine(15_000).catch(async (error: unknown) => {
    await child.stop('SIGKILL')
    throw new Error(`msg sandbox printed no URLs: ${String(error)}`)
  })
  const printed = JSON.parse(line) as Pick<SandboxProcess, 'url' | 'vendors'>
  return {
    ...printed,
    seen: async () => (await fetch(`${printed.url}/_sandbox`)).json() as never,
    stop: async () => (await child.stop()).code,
  }
}
