import { parseArgs } from 'node:util'
import { toUsageError } from '../arguments/to-usage-error.js'
import type { CommandIo } from '../command-io.js'
import { type ExitCode, exitCodes } from '../exit-codes.js'
import { startSandbox } from '../sandbox/start-sandbox.js'
import { vendorNames } from '../vendors/vendor-spec.js'
import { parsePort } from './parse-port.js'

/**
 * `msg sandbox [--port <n>] [--json]`: serves the four fakes until interrupted and prints
 * their base URLs and sample credentials (as lines to paste, or one JSON line).
 * `msg sandbox say …` has a fake push a user's message to a webhook (see `sandboxSayCommand`).
 */
export async function sandboxCommand(args: readonly string[], io: CommandIo): Promise<ExitCode> {
  if (args[0] === 'say')
    return (await import('./sandbox-say-command.js')).sandboxSayCommand(args.slice(1), io)
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
  const sandbox = await startSandbox({ port: parsePort(values.port, 'msg sandbox') })
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
    io.stdout('')
    io.stdout('A user writing back: serve a webhook with the sample secrets, then have the fake push to it:')
    io.stdout('  msg listen feishu --sandbox --port 8080')
    io.stdout(
      `  msg sandbox say feishu "ping" --webhook http://127.0.0.1:8080/feishu/events --sandbox-url ${sandbox.url}`,
    )
  }
  await io.waitForStop()
  await sandbox.close()
  return exitCodes.sent
}
