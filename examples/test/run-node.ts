import { spawn } from 'node:child_process'

/** Runs `node <file> …args` with only PATH plus `env`, killed after 15 s. */
export function runNode(
  file: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [file, ...args], { env: { PATH: process.env.PATH ?? '', ...env } })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString()
    })
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString()
    })
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000)
    child.on('error', reject)
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({ code, stdout, stderr })
    })
  })
}

/** Spawns `msg sandbox --json`; resolves with what it printed and a way to stop it. */
export function startSandbox(binPath: string): Promise<{
  vendors: Record<string, { env: Record<string, string>; target: Record<string, string> }>
  stop(): Promise<void>
}> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [binPath, 'sandbox', '--json'], {
      env: { PATH: process.env.PATH ?? '' },
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    let buffered = ''
    child.on('error', reject)
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString()
      if (!buffered.includes('\n')) return
      resolve({
        ...JSON.parse(buffered.split('\n')[0]!),
        stop: () =>
          new Promise((stopped) => {
            child.once('close', () => stopped())
            child.kill('SIGTERM')
          }),
      })
    })
  })
}
