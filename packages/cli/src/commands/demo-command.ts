import { broadcast, MsgError, type Notice, type TextChannel, withFallback } from '@msg/core'
import type { CommandIo } from '../command-io.js'
import { closedPortURL } from '../demo/closed-port-url.js'
import { createDemoClients } from '../demo/demo-clients.js'
import { echoRoundTrip } from '../demo/echo-round-trip.js'
import { richSends } from '../demo/rich-sends.js'
import { type ExitCode, exitCodes } from '../exit-codes.js'
import { formatIds } from '../output/format-sent.js'
import { startSandbox } from '../sandbox/start-sandbox.js'
import { vendorNames } from '../vendors/vendor-spec.js'

function describeFailure(error: unknown): string {
  if (!MsgError.isInstance(error)) return String(error)
  return `${error.name}, delivery ${error.delivery}`
}

const notice: Notice = {
  title: 'Deploy finished',
  text: 'api v2.4.1 is live on all regions',
  url: 'https://status.example.com/deploys/241',
}

/**
 * `msg demo`: starts the sandbox and, through the real packages over real HTTP on 127.0.0.1, sends
 * one rich message per vendor; runs an echo bot per vendor (the sandbox user writes "ping", the
 * fake pushes a signed event to the bot's webhook, `onMessage` replies "pong", the reply lands in
 * the fake); broadcasts one `Notice` to all four; then a `withFallback` whose first channel points
 * at a closed port (refused: `delivery: 'not-sent'`, so the next channel is tried).
 */
export async function demoCommand(_args: readonly string[], io: CommandIo): Promise<ExitCode> {
  const started = Date.now()
  const sandbox = await startSandbox()
  try {
    io.stdout(`msg demo: four fake vendors on ${sandbox.url} (real HTTP on loopback, no credentials)`)
    const clients = await createDemoClients(sandbox)
    io.stdout('1. one rich message through each vendor')
    for (const name of vendorNames) {
      const { kind, ids } = await richSends[name](clients)
      io.stdout(`   ${name.padEnd(11)} ${kind.padEnd(10)} ${ids}`)
    }

    io.stdout(
      '2. a user writes "ping", the bot hears it and replies "pong" (signed push → webhook → onMessage → reply)',
    )
    for (const name of vendorNames) {
      const inbound = sandbox.inbound(name)
      if (!inbound) throw new Error(`${name}: the sandbox has no webhook for this vendor`)
      const before = sandbox.inbox(name).length
      const { heard, reply } = await echoRoundTrip(inbound, clients[name].client)
      const landed = sandbox.inbox(name).slice(before)
      if (!JSON.stringify(landed).includes('pong'))
        throw new Error(`${name}: the pong is not in the fake's inbox`)
      io.stdout(
        `   ${name.padEnd(11)} heard "ping" from ${heard.senderId}, replied "pong": ${formatIds(reply)}`,
      )
    }

    io.stdout(`3. broadcast one Notice ("${notice.title}") to all four, each in its native form`)
    const results = await broadcast(
      vendorNames.map((name) => clients[name].channel),
      notice,
    )
    for (const result of results)
      io.stdout(
        `   ${result.vendor.padEnd(11)} ${result.ok ? `ok, ${formatIds(result.message)}` : `failed: ${describeFailure(result.error)}`}`,
      )
    if (results.some((result) => !result.ok)) throw new Error('broadcast: a vendor failed')

    io.stdout('4. withFallback([gewe at a closed port, feishu])')
    const broken = await createDemoClients(sandbox, { gewe: { baseURL: await closedPortURL(), retry: 0 } })
    let firstFailure: unknown
    const observed: TextChannel = {
      vendor: broken.gewe.channel.vendor,
      send: (message, options) =>
        broken.gewe.channel.send(message, options).catch((error: unknown) => {
          firstFailure = error
          throw error
        }),
    }
    const sent = await withFallback([observed, clients.feishu.channel]).send('fallback from msg demo')
    io.stdout(`   gewe        failed: ${describeFailure(firstFailure)}, so the next channel was tried`)
    io.stdout(`   ${sent.vendor.padEnd(11)} ${formatIds(sent)}`)
    if (sent.vendor !== 'feishu') throw new Error(`withFallback: expected feishu, got ${sent.vendor}`)
    io.stdout(`done in ${Date.now() - started} ms`)
    return exitCodes.sent
  } finally {
    await sandbox.close()
  }
}
