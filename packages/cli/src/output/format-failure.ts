import { MsgError, ValidationError, VendorError } from '@msg/core'
import { describeExitCode, type ExitCode } from '../exit-codes.js'
import type { SecretScrubber } from './secret-scrubber.js'

/** The human lines (for standard error) describing why a command failed. */
export function formatFailureLines(error: unknown, code: ExitCode, scrubber: SecretScrubber): string[] {
  const message = error instanceof Error ? error.message : String(error)
  const lines = [`msg: ${message}`]
  if (ValidationError.isInstance(error))
    for (const issue of error.issues) lines.push(`  - ${issue.path || '(input)'}: ${issue.message}`)
  if (VendorError.isInstance(error)) {
    const details = [`vendor code ${String(error.code)}`]
    if (error.requestId !== undefined) details.push(`request id ${error.requestId}`)
    lines.push(`  ${details.join(', ')}`)
  }
  if (MsgError.isInstance(error)) lines.push(`  ${error.name}, delivery ${error.delivery}`)
  lines.push(`exit ${code}: ${describeExitCode(code)}`)
  return lines.map((line) => scrubber.text(line))
}

/** The `--json` object for a failure (printed on standard output, so scripts read one stream). */
export function failureJson(error: unknown, code: ExitCode, scrubber: SecretScrubber): unknown {
  const described =
    MsgError.isInstance(error) || !(error instanceof Error)
      ? MsgError.isInstance(error)
        ? error.toJSON()
        : { name: 'Error', message: String(error) }
      : { name: error.name, message: error.message }
  return scrubber.value({ ok: false, exitCode: code, error: described })
}
