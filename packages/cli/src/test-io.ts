import type { CommandIo } from './command-io.js'

/** An in-memory {@link CommandIo} for unit tests: records every line, stops at once. */
export function createTestIo(env: Record<string, string> = {}, stdin = '') {
  const stdout: string[] = []
  const stderr: string[] = []
  const io: CommandIo = {
    env,
    stdout: (line) => stdout.push(line),
    stderr: (line) => stderr.push(line),
    readStdin: async () => stdin,
    waitForStop: async () => {},
  }
  return { io, stdout, stderr, output: () => [...stdout, ...stderr].join('\n') }
}
