import { fileURLToPath } from 'node:url'
import { startNode } from '@msg/core/testing'
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
  const child = startNode(script, [], { env: environment, inheritEnv: true })
  const ready = await child.nextLine()
  if (ready !== 'ready') throw new Error(`sender did not start: ${ready}\n${child.stderr()}`)
  const sender: SenderProcess = {
    stderr: child.stderr,
    async send(count) {
      child.writeLine(`send ${count}`)
      return JSON.parse(await child.nextLine()) as { sent: number; failed: number }
    },
    async exit() {
      child.writeLine('exit')
      return (await child.stop(null, 5_000)).code
    },
  }
  return sender
}
