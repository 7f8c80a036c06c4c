import { execFile } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/** The bench package folder (module resolution for generated apps starts here). */
export const benchDirectory = fileURLToPath(new URL('../../', import.meta.url))

/** Writes a generated module under `bench/.cache/apps/` and returns its path. */
export function writeGeneratedModule(name: string, source: string): string {
  const directory = `${benchDirectory}.cache/apps`
  mkdirSync(directory, { recursive: true })
  const path = `${directory}/${name}.mjs`
  writeFileSync(path, source)
  return path
}

/** Runs node with arguments; resolves with its stdout and wall time (ms), rejects on a non-zero exit. */
export function runNode(args: string[]): Promise<{ stdout: string; wallMs: number }> {
  const started = performance.now()
  return new Promise((resolve, reject) => {
    execFile(process.execPath, args, { maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`node ${args.join(' ')} failed: ${stderr || error.message}`))
      else resolve({ stdout, wallMs: performance.now() - started })
    })
  })
}

/** The last JSON line a child printed. */
export function lastJsonLine<T>(stdout: string): T {
  const lines = stdout.trim().split('\n')
  return JSON.parse(lines.at(-1) ?? 'null') as T
}
