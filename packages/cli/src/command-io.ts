/** What a command may touch of the outside world: injected so commands run in tests without a process. */
export interface CommandIo {
  env: Readonly<Record<string, string | undefined>>
  /** Writes one line (a newline is added) to standard output. */
  stdout(line: string): void
  /** Writes one line (a newline is added) to standard error. */
  stderr(line: string): void
  /** All of standard input, as text. */
  readStdin(): Promise<string>
  /** The bytes of a file (`msg send --image`, `--card`, …). */
  readFile(path: string): Promise<Uint8Array>
  /** Resolves when the user asks a long-running command (the sandbox) to stop. */
  waitForStop(): Promise<void>
}
