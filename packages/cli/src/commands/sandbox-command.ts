import { parseArgs } from 'node:util'
import { toUsageError } from '../arguments/to-usage-error.js'
import type { CommandIo } from '../command-io.js'
import { type ExitCode, exitCodes } from '../exit-codes.js'
import { startSandbox } from '../sandbox/start-sandbox.js'
import { UsageError } from '../usage-error.js'
import { vendorNames } from '../vendors/vendor-spec.js'

function parsePort(raw: string | undefined): number {
  if (raw === undefined) return 0
  const port = Number(raw)
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new UsageError(`--port must be 0 to 65535, got "${raw}"`, 'main')
  return port
}

/**
 * `msg sandbox [--port <n>] [--json]`: serves the four fakes until interrupted and prints
 * their base URLs and sample credentials (as lines to paste, or one JSON line).
 */
export async function sandboxCommand(args: readonly string[], io: CommandIo): Promise<ExitCode> {
  let values: { port?: string | undefined; json?: boolean | undefined }
  try {
    values = parseArgs({
      args: [...args],
      options: { port: { type: 'string' }, json: { type: 'boolean' } },
      strict: true,
    }).values
  } catch (error) {
    throw toUsageError(error, 'msg sandbox')
  }
  const sandbox = await startSandbox({ port: parsePort(values.port) })
  if (values.json) io.stdout(JSON.stringify({ url: sandbox.url, vendors: sandbox.vendors }))
  else {
    io.stdout(`msg sandbox: fake gewe, feishu, fxiaoke and netease-im on ${sandbox.url} (Ctrl-C stops)`)
    io.stdout('Sample credentials (they only open these fakes). Paste into a shell, then send:')
    for (const name of vendorNames) {
      const vendor = sandbox.vendors[name]
      const exports = Object.entries(vendor.env).map(([key, value]) => `${key}=${value}`)
      const target = Object.entries(vendor.target).map(([flag, value]) => `--${flag} ${value}`)
      io.stdout('')
      io.stdout(`  export ${exports.join(' ')}`)
      io.stdout(`  msg send ${name} ${target.join(' ')} --text "hello from the sandbox"`)
    }
  }
  await io.waitForStop()
  await sandbox.close()
  return exitCodes.sent
}
