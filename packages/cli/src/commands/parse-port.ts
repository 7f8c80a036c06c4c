import { UsageError } from '../usage-error.js'

/** `--port`: 0 (the default, any free port) to 65535, or a usage error naming the command. */
export function parsePort(raw: string | undefined, command: string): number {
  if (raw === undefined) return 0
  const port = Number(raw)
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new UsageError(`${command}: --port must be 0 to 65535, got "${raw}"`, 'main')
  return port
}
