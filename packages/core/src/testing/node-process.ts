import { spawn } from 'node:child_process'

/** How a child Node process ended, and what it printed. */
export interface NodeRun {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
}

/** Options for {@link runNode} and {@link startNode}. */
export interface NodeProcessOptions {
  /** Environment variables. The child gets only `PATH` plus these, unless `inheritEnv` is set. */
  env?: Record<string, string>
  /** Start from the parent's whole environment instead of only `PATH`. */
  inheritEnv?: boolean
  /** The child's working directory. Default: the parent's. */
  cwd?: string
}

function spawnNode(file: string, args: readonly string[], options: NodeProcessOptions) {
  const base = options.inheritEnv ? process.env : { PATH: process.env.PATH ?? '' }
  return spawn(process.execPath, [file, ...args], {
    env: { ...base, ...options.env },
    ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
    stdio: ['pipe', 'pipe', 'pipe'],
  })
}

/**
 * Runs `node <file> …args` to the end with optional standard input, killed with SIGKILL after
 * `limitMs` (default 15 s) so a hung child cannot hang a test. Node only.
 * @see @msg/core README.md#testing
 */
export function runNode(
  file: string,
  args: readonly string[],
  options: NodeProcessOptions & { stdin?: string; limitMs?: number } = {},
): Promise<NodeRun> {
  return new Promise((resolve, reject) => {
    const child = spawnNode(file, args, options)
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
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      resolve({ code, signal, stdout, stderr })
    })
    child.stdin.end(options.stdin ?? '')
  })
}

/** A running child Node process, read line by line. */
export interface NodeProcess {
  readonly pid: number | undefined
  /** The next line it printed on stdout (waits up to `timeoutMs`, default 20 s). */
  nextLine(timeoutMs?: number): Promise<string>
  /** Writes one line to its stdin. */
  writeLine(line: string): void
  /** Everything it printed on stderr so far. */
  stderr(): string
  /**
   * Sends `signal` (default SIGTERM; `null` sends none and waits for the child to exit by itself) and
   * resolves when it exited; SIGKILL after `limitMs` (default 5 s).
   */
  stop(signal?: NodeJS.Signals | null, limitMs?: number): Promise<Omit<NodeRun, 'stdout' | 'stderr'>>
}

/**
 * Starts `node <file> …args` for a conversation over stdin/stdout (worker processes, a CLI
 * sandbox). Node only.
 * @see @msg/core README.md#testing
 */
export function startNode(
  file: string,
  args: readonly string[],
  options: NodeProcessOptions & {
    /** Receives every stdout line as it arrives (a stream of events); `nextLine` then sees none. */
    onLine?: (line: string) => void
  } = {},
): NodeProcess {
  const child = spawnNode(file, args, options)
  let errors = ''
  let buffered = ''
  let exited: Omit<NodeRun, 'stdout' | 'stderr'> | undefined
  const lines: string[] = []
  const waiters: ((line: string | undefined) => void)[] = []
  child.stderr.on('data', (chunk: Buffer) => {
    errors += chunk.toString()
  })
  child.stdout.on('data', (chunk: Buffer) => {
    buffered += chunk.toString()
    for (let newline = buffered.indexOf('\n'); newline >= 0; newline = buffered.indexOf('\n')) {
      const line = buffered.slice(0, newline)
      buffered = buffered.slice(newline + 1)
      if (options.onLine) {
        options.onLine(line)
        continue
      }
      const waiter = waiters.shift()
      if (waiter) waiter(line)
      else lines.push(line)
    }
  })
  const done = new Promise<Omit<NodeRun, 'stdout' | 'stderr'>>((resolve) => {
    child.on('close', (code, signal) => {
      exited = { code, signal }
      for (const waiter of waiters.splice(0)) waiter(undefined)
      resolve(exited)
    })
  })
  child.on('error', (error) => {
    errors += String(error)
  })
  return {
    pid: child.pid,
    nextLine(timeoutMs = 20_000) {
      const queued = lines.shift()
      if (queued !== undefined) return Promise.resolve(queued)
      if (exited) return Promise.reject(new Error(`process exited (${exited.code}); stderr:\n${errors}`))
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.splice(waiters.indexOf(answer), 1)
          reject(new Error(`no line within ${timeoutMs} ms; stderr:\n${errors}`))
        }, timeoutMs)
        const answer = (line: string | undefined) => {
          clearTimeout(timer)
          if (line === undefined) reject(new Error(`process exited; stderr:\n${errors}`))
          else resolve(line)
        }
        waiters.push(answer)
      })
    },
    writeLine(line) {
      child.stdin.write(`${line}\n`)
    },
    stderr: () => errors,
    stop(signal = 'SIGTERM', limitMs = 5_000) {
      if (exited) return Promise.resolve(exited)
      const timer = setTimeout(() => child.kill('SIGKILL'), limitMs)
      if (signal) child.kill(signal)
      return done.finally(() => clearTimeout(timer))
    },
  }
}
