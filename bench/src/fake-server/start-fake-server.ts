import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { fileURLToPath } from 'node:url'

/** The fakes running in their own process, and a handle on that process. */
export interface FakeServer {
  /** Base URL of each fake by target name. */
  urls: Record<string, string>
  /** CPU time (µs) the fake process has used so far. */
  cpuMicroseconds(): Promise<number>
  /** Requests a fake has seen, counted by path. */
  requestCounts(name: string): Promise<Record<string, number>>
  /** Forgets what the fakes recorded, so long runs do not grow the fake's memory. */
  trim(): Promise<void>
  close(): Promise<void>
}

/**
 * Starts the fakes in a separate Node process, so their work runs on the other core and the
 * client process measures only the client.
 */
export async function startFakeServer(): Promise<FakeServer> {
  const entry = fileURLToPath(new URL('./fake-server-process.js', import.meta.url))
  const child = spawn(process.execPath, [entry], { stdio: ['pipe', 'pipe', 'inherit'] })
  let buffered = ''
  const ready = new Promise<{ urls: Record<string, string>; control: string }>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`fake server exited early with code ${code}`)))
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString()
      const newline = buffered.indexOf('\n')
      if (newline >= 0) resolve(JSON.parse(buffered.slice(0, newline)))
    })
  })
  const { urls, control } = await ready
  const ask = async (path: string, method = 'GET') => (await fetch(`${control}${path}`, { method })).json()
  return {
    urls,
    async cpuMicroseconds() {
      const usage = (await ask('/cpu')) as { user: number; system: number }
      return usage.user + usage.system
    },
    requestCounts: async (name) => (await ask(`/requests/${name}`)) as Record<string, number>,
    trim: async () => {
      await ask('/trim', 'POST')
    },
    async close() {
      const exited = once(child, 'exit')
      child.stdin.end()
      await exited
    },
  }
}
