import { spawnSync } from 'node:child_process'

/**
 * Runs a command and returns `{ stdout, output }` (output = stdout + stderr); throws with the
 * output when it exits non-zero.
 * @param {string} command
 * @param {string[]} args
 * @param {{ cwd?: string, env?: Record<string, string> }} [options]
 */
export function runCommand(command, args, options = {}) {
  const result = spawnSync(command, args, {
    cwd: options.cwd,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ...options.env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  })
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim()
  if (result.status !== 0) {
    const error = new Error(
      `${command} ${args.join(' ')} exited ${result.status ?? result.signal}\n${output}`,
    )
    error.stdout = result.stdout ?? ''
    throw error
  }
  return { stdout: result.stdout ?? '', output }
}
