import { type ChildProcess, spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'

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
export function runMsg(
  args: string[],
  options: { env?: Record<string, string>; stdin?: string; limitMs?: number } = {},
): Promise<MsgRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [binPath, ...args], {
      env: { PATH: process.env.PATH ?? '', ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString()
    })
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString()
    })
    const timer = setTimeout(() => child.kill('SIGKILL'), options.limitMs ?? 15_000)
    child.on('error', reject)
    child.on('close', (code) => {
      clearTimeout(timer)
      const run = { code, stdout, stderr }
      allRuns.push(run)
      resolve(run)
    })
    child.stdin.end(options.stdin ?? '')
  })
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
export function startSandboxProcess(): Promise<SandboxProcess> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(process.execPath, [binPath, 'sandbox', '--json'], {
      env: { PATH: process.env.PATH ?? '' },
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    let buffered = ''
    const failed = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`msg sandbox printed no URLs: ${buffered}`))
    }, 15_000)
    child.on('error', reject)
    child.stdout?.on('data', (chunk: Buffer) => {
      buffered += chunk.toString()
      const newline = buffered.indexOf('\n')
      if (newline === -1) return
      clearTimeout(failed)
      const printed = JSON.parse(buffered.slice(0, newline)) as Pick<SandboxProcess, 'url' | 'vendors'>
      resolve({
        ...printed,
        seen: async () => (await fetch(`${printed.url}/_sandbox`)).json() as never,
        stop: () =>
          new Promise((stopped) => {
            child.once('close', (code) => stopped(code))
            child.kill('SIGTERM')
          }),
      })
    })
  })
}
