import { UsageError } from '../usage-error.js'

/** Turns a `node:util` parseArgs failure (unknown flag, missing value) into a {@link UsageError}. */
export function toUsageError(error: unknown, command: string): UsageError {
  const message = error instanceof Error ? error.message : String(error)
  const firstLine = (message.split('\n')[0] ?? message).replace(/\. To specify .*$/, '')
  return new UsageError(`${command}: ${firstLine}`, command.startsWith('msg send') ? 'send' : 'main')
}
