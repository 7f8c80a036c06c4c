import type { CommandIo } from './command-io.js'

/** An in-memory {@link CommandIo} for unit tests: records every line, stops at once; `files` by path. */
export function createTestIo(
  env: Record<string, string> = {},
  stdin = '',
  files: Record<string, Uint8Array> = {},
) {
  const stdout: string[] = []
  const stderr: string[] = []
  const io: CommandIo = {
    env,
    stdout: (line) => stdout.push(line),
    stderr: (line) => stderr.push(line),
    readStdin: async () => stdin,
    readFile: async (path) => {
      const bytes = files[path]
      if (!bytes) throw Object.assign(new Error(`no such file: ${path}`), { code: 'ENOENT' })
      return bytes
    },
    waitForStop: async () => {},
  }
  return { io, stdout, stderr, output: () => [...stdout, ...stderr].join('\n') }
}
