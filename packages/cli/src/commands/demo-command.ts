import { broadcast, MsgError, type TextChannel, withFallback } from '@msg/core'
import type { CommandIo } from '../command-io.js'
import { closedPortURL } from '../demo/closed-port-url.js'
import { createDemoChannels } from '../demo/demo-channels.js'
import { type ExitCode, exitCodes } from '../exit-codes.js'
import { formatIds } from '../output/format-sent.js'
import { startSandbox } from '../sandbox/start-sandbox.js'
import { vendorNames } from '../vendors/vendor-spec.js'

function describeFailure(error: unknown): string {
  if (!MsgError.isInstance(error)) return String(error)
  return `${error.name}, delivery ${error.delivery}`
}

/**
 * `msg demo`: starts the sandbox and, through the real packages over real HTTP on 127.0.0.1,
 * sends one text per vendor, then one `broadcast` and one `withFallback` whose first channel
 * points at a closed port (refused: `delivery: 'not-sent'`, so the next channel is tried).
 */
export async function demoCommand(_args: readonly string[], io: CommandIo): Promise<ExitCode> {
  const started = Date.now()
  const sandbox = await startSandbox()
  try {
    io.stdout(`msg demo: four fake vendors on ${sandbox.url} (real HTTP on loopback, no credentials)`)
    const channels = await createDemoChannels(sandbox)
    io.stdout('1. sendText through each vendor')
    for (const name of vendorNames) {
      const sent = await channels[name].send(`hello from msg demo via ${name}`)
      io.stdout(`   ${name.padEnd(11)} ${formatIds(sent)}`)
    }

    io.stdout('2. broadcast to all four (every outcome, never throws)')
    const results = await broadcast(
      vendorNames.map((name) => channels[name]),
      'broadcast from msg demo',
    )
    for (const result of results)
      io.stdout(
        `   ${result.vendor.padEnd(11)} ${result.ok ? `ok, ${formatIds(result.message)}` : `failed: ${describeFailure(result.error)}`}`,
      )
    if (results.some((result) => !result.ok)) throw new Error('broadcast: a vendor failed')

    io.stdout('3. withFallback([gewe at a closed port, feishu])')
    const broken = await createDemoChannels(sandbox, { gewe: { baseURL: await closedPortURL(), retry: 0 } })
    let firstFailure: unknown
    const observed: TextChannel = {
      vendor: broken.gewe.vendor,
      send: (text, options) =>
        broken.gewe.send(text, options).catch((error: unknown) => {
          firstFailure = error
          throw error
        }),
    }
    const sent = await withFallback([observed, channels.feishu]).send('fallback from msg demo')
    io.stdout(`   gewe        failed: ${describeFailure(firstFailure)}, so the next channel was tried`)
    io.stdout(`   ${sent.vendor.padEnd(11)} ${formatIds(sent)}`)
    if (sent.vendor !== 'feishu') throw new Error(`withFallback: expected feishu, got ${sent.vendor}`)
    io.stdout(`done in ${Date.now() - started} ms`)
    return exitCodes.sent
  } finally {
    await sandbox.close()
  }
}
