import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** A throwaway redis-server on 127.0.0.1 with AOF (`appendfsync always`) in its own directory, for one test file. */
export interface RedisServer {
  url: string
  port: number
  directory: string
  /** Kills the server at once (SIGKILL), as a crash would. */
  kill(): Promise<void>
  /** Starts it again on the same port and AOF directory. */
  restart(): Promise<void>
  /** Stops the server if it still runs and removes its directory. */
  stop(): Promise<void>
}

/** Whether Debian's `redis-server` is on the PATH. */
export function hasRedisServer(): boolean {
  try {
    execFileSync('redis-server', ['--version'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      const port = typeof address === 'object' && address ? address.port : 0
      probe.close(() => resolve(port))
    })
  })
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => child.once('exit', () => resolve()))
}

async function launch(port: number, directory: string): Promise<ChildProcess> {
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--dir', directory, '--save', '']
  args.push('--appendonly', 'yes', '--appendfsync', 'always', '--maxmemory-policy', 'noeviction')
  const child = spawn('redis-server', args, { stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`redis-server did not start:\n${output}`)), 10_000)
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      if (output.includes('Ready to accept connections')) {
        clearTimeout(timer)
        resolve()
      }
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`redis-server exited with ${code}:\n${output}`))
    })
  })
  child.stdout?.removeAllListeners('data').resume()
  child.removeAllListeners('exit')
  return child
}

/** Starts `redis-server` on a free loopback port and waits until it accepts connections. */
export async function startRedisServer(): Promise<RedisServer> {
  const port = await freePort()
  const directory = mkdtempSync(join(tmpdir(), 'msg-redis-'))
  let child = await launch(port, directory)
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    directory,
    async kill() {
      child.kill('SIGKILL')
      await exited(child)
    },
    async restart() {
      child = await launch(port, directory)
    },
    async stop() {
      child.kill('SIGTERM')
      await exited(child)
      rmSync(directory, { recursive: true, force: true })
    },
  }
}
