import type { CommandIo } from './command-io.js'
import { sendCommand } from './commands/send-command.js'
import { describeExitCode, exitCodeFor, exitCodes } from './exit-codes.js'
import { mainHelp } from './help/main-help.js'
import { createSecretScrubber } from './output/secret-scrubber.js'
import { UsageError } from './usage-error.js'
import { version } from './version.js'

/**
 * Runs `msg` with the arguments after the program name and returns the exit code.
 * Every failure is printed here (never a stack trace); see `exitCodes`.
 */
export async function main(args: readonly string[], io: CommandIo): Promise<number> {
  const [command, ...rest] = args
  try {
    switch (command) {
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.stdout(mainHelp())
        return exitCodes.sent
      case '--version':
      case '-v':
        io.stdout(version)
        return exitCodes.sent
      case 'send':
        return await sendCommand(rest, io)
      case 'sandbox':
        // `msg sandbox` and `msg demo` load the testing kits (and msw); `msg send` never needs them.
        return await (await import('./commands/sandbox-command.js')).sandboxCommand(rest, io)
      case 'demo':
        return await (await import('./commands/demo-command.js')).demoCommand(rest, io)
      case 'listen':
        return await (await import('./commands/listen-command.js')).listenCommand(rest, io)
      case 'outbox':
        // BullMQ and ioredis load only for `msg outbox`.
        return await (await import('./commands/outbox-command.js')).outboxCommand(rest, io)
      default:
        throw new UsageError(
          `unknown command "${command}": expected send, listen, sandbox, demo or outbox`,
          'main',
        )
    }
  } catch (error) {
    const code = exitCodeFor(error)
    const scrubber = createSecretScrubber()
    io.stderr(scrubber.text(`msg: ${error instanceof Error ? error.message : String(error)}`))
    io.stderr(`exit ${code}: ${describeExitCode(code)}`)
    if (error instanceof UsageError) io.stderr('run "msg --help" for usage')
    return code
  }
}
