import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const packageRoot = fileURLToPath(new URL('..', import.meta.url))

/** Bundles the sender fixture (sources through `@msg/source`) so a plain `node` child can run it. */
export async function bundleSender(): Promise<string> {
  const outfile = `${packageRoot}.cache/sender-process.mjs`
  await build({
    entryPoints: [`${packageRoot}test/fixtures/sender-process.ts`],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    conditions: ['@msg/source'],
    external: ['redis'],
    logLevel: 'silent',
  })
  return outfile
}

/** A running sender process, driven line by line. */
export interface SenderProcess {
  /** Everything it wrote to stderr so far. */
  stderr(): string
  /** Sends `count` messages concurrently and resolves with its tally. */
  send(count: number): Promise<{ sent: number; failed: number }>
  /** Asks it to exit and resolves with its exit code (kills it after 5 s). */
  exit(): Promise<number | null>
}

/** Starts one sender and waits for its `ready` line. */
export async function startSender(script: string, environment: Record<string, string>) {
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, [script], {
    env: { ...process.env, ...environment },
  })
  let errors = ''
  const lines: string[] = []
  const waiters: Array<(line: string) => void> = []
  let buffered = ''
  child.stderr.on('data', (chunk: Buffer) => {
    errors += chunk.toString()
  })
  child.stdout.on('data', (chunk: Buffer) => {
    buffered += chunk.toString()
    let newline = buffered.indexOf('\n')
    while (newline >= 0) {
      const line = buffered.slice(0, newline)
      buffered = buffered.slice(newline + 1)
      const waiter = waiters.shift()
      if (waiter) waiter(line)
      else lines.push(line)
      newline = buffered.indexOf('\n')
    }
  })
  const nextLine = () =>
    new Promise<string>((resolve, reject) => {
      const queued = lines.shift()
      if (queued !== undefined) return resolve(queued)
      const timer = setTimeout(() => reject(new Error(`sender gave no answer; stderr:\n${errors}`)), 20_000)
      waiters.push((line) => {
        clearTimeout(timer)
        resolve(line)
      })
    })
  const ready = await nextLine()
  if (ready !== 'ready') throw new Error(`sender did not start: ${ready}\n${errors}`)
  const sender: SenderProcess = {
    stderr: () => errors,
    async send(count) {
      child.stdin.write(`send ${count}\n`)
      return JSON.parse(await nextLine()) as { sent: number; failed: number }
    },
    exit() {
      if (child.exitCode !== null) return Promise.resolve(child.exitCode)
      return new Promise((resolve) => {
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000)
        child.once('exit', (code) => {
          clearTimeout(timer)
          resolve(code)
        })
        child.stdin.end('exit\n')
      })
    },
  }
  return sender
}
