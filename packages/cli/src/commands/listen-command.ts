import { createServer } from 'node:http'
import { parseArgs } from 'node:util'
import type { InboundMessage, WebhookHandler } from '@msg/core'
import { toUsageError } from '../arguments/to-usage-error.js'
import type { CommandIo } from '../command-io.js'
import { type ExitCode, exitCodes } from '../exit-codes.js'
import { listenHelp } from '../help/listen-help.js'
import { eventJson, formatEventLine, formatMessageLine, messageJson } from '../listen/format-inbound.js'
import type { ListenHandlers, ListenSpec } from '../listen/listen-spec.js'
import { findListenSpec, listenSpecs } from '../listen/listen-specs.js'
import { createSecretScrubber, type SecretScrubber } from '../output/secret-scrubber.js'
import { UsageError } from '../usage-error.js'
import { parsePort } from './parse-port.js'

type Values = Record<string, string | boolean | undefined>

function parseListenArguments(spec: ListenSpec, args: readonly string[]): Values {
  const options: NonNullable<Parameters<typeof parseArgs>[0]>['options'] = {
    port: { type: 'string' },
    host: { type: 'string' },
    path: { type: 'string' },
    json: { type: 'boolean' },
    sandbox: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  }
  for (const secret of spec.secrets) options[secret.flag] = { type: 'string' }
  if (spec.vendor === 'feishu') {
    options['long-connection'] = { type: 'boolean' }
    options['app-id'] = { type: 'string' }
    options['app-secret'] = { type: 'string' }
    options['base-url'] = { type: 'string' }
  }
  try {
    return parseArgs({ args: [...args], options, strict: true, allowPositionals: false }).values as Values
  } catch (error) {
    throw toUsageError(error, `msg listen ${spec.vendor}`)
  }
}

/** The printing handlers: one line (or JSON object) per verified event on stdout. */
function printingHandlers(spec: ListenSpec, io: CommandIo, json: boolean, scrubber: SecretScrubber) {
  const out = (value: Record<string, unknown>, line: string) =>
    io.stdout(json ? scrubber.text(JSON.stringify(scrubber.value(value))) : scrubber.text(line))
  const handlers: ListenHandlers = {
    onEvent(event) {
      const summary = spec.describeEvent(event)
      if (!summary.message) out(eventJson(spec.vendor, summary, event), formatEventLine(spec.vendor, summary))
    },
    onMessage: (message: InboundMessage) => out(messageJson(message), formatMessageLine(message)),
    onError: (error) =>
      io.stderr(scrubber.text(`msg listen: ${error instanceof Error ? error.message : String(error)}`)),
  }
  return handlers
}

async function webhookSecrets(
  spec: ListenSpec,
  values: Values,
  io: CommandIo,
): Promise<Record<string, string>> {
  if (values.sandbox === true) {
    const { loadSandboxVendor } = await import('../sandbox/sandbox-vendors.js')
    const inbound = (await loadSandboxVendor[spec.vendor]()).inbound
    if (!inbound) throw new UsageError(`the ${spec.vendor} sandbox has no webhook yet`, 'main')
    return { ...inbound.secrets }
  }
  const settings: Record<string, string> = {}
  for (const secret of spec.secrets) {
    const given = values[secret.flag]
    const value = typeof given === 'string' ? given : io.env[secret.env]
    if (value !== undefined && value !== '') settings[secret.setting] = value
    else if (secret.required)
      throw new UsageError(
        `missing webhook secret for ${spec.vendor}: pass --${secret.flag} or set ${secret.env} (or --sandbox)`,
        'main',
      )
  }
  return settings
}

/** Serves the webhook on `path` and reports every request it refused, with the reason it answered. */
function reportingWebhook(webhook: WebhookHandler, path: string, io: CommandIo): WebhookHandler {
  return {
    async fetch(request, context) {
      const { pathname } = new URL(request.url)
      // Below the path too: GeWe's shared secret may be the last path segment.
      if (pathname !== path && !pathname.startsWith(`${path}/`)) {
        io.stderr(`msg listen: rejected ${request.method} ${pathname}: 404 not the webhook path ${path}`)
        return new Response('not found', { status: 404 })
      }
      const answer = await webhook.fetch(request, context)
      if (answer.status >= 400) {
        const why = await answer
          .clone()
          .json()
          .then((body: { error?: unknown }) => String(body.error ?? ''))
          .catch(() => '')
        io.stderr(`msg listen: rejected ${request.method} ${pathname}: ${answer.status} ${why}`.trimEnd())
      }
      return answer
    },
  }
}

async function serveWebhook(spec: ListenSpec, values: Values, io: CommandIo, scrubber: SecretScrubber) {
  const settings = await webhookSecrets(spec, values, io)
  scrubber.add(...Object.values(settings))
  const handlers = printingHandlers(spec, io, values.json === true, scrubber)
  const path = typeof values.path === 'string' ? values.path : spec.defaultPath
  if (!path.startsWith('/')) throw new UsageError(`--path must start with "/", got "${path}"`, 'main')
  const webhook = reportingWebhook(await spec.createWebhook(settings, handlers), path, io)
  const { toNodeListener } = await import('@msg/core/node')
  const server = createServer(toNodeListener(webhook, { onError: handlers.onError }))
  const host = typeof values.host === 'string' ? values.host : '127.0.0.1'
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(parsePort(values.port as string | undefined, 'msg listen'), host, () => resolve())
  })
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  io.stderr(`msg listen: ${spec.vendor} webhook on http://${host}:${port}${path} (Ctrl-C stops)`)
  await io.waitForStop()
  server.closeAllConnections()
  await new Promise<void>((resolve) => server.close(() => resolve()))
}

async function longConnection(values: Values, io: CommandIo, scrubber: SecretScrubber, spec: ListenSpec) {
  const credential = (flag: string, env: string) => {
    const value = typeof values[flag] === 'string' ? (values[flag] as string) : io.env[env]
    if (!value) throw new UsageError(`missing credential for feishu: pass --${flag} or set ${env}`, 'main')
    return value
  }
  const appId = credential('app-id', 'FEISHU_APP_ID')
  const appSecret = credential('app-secret', 'FEISHU_APP_SECRET')
  scrubber.add(appSecret)
  const baseURL = typeof values['base-url'] === 'string' ? values['base-url'] : io.env.FEISHU_BASE_URL
  const handlers = printingHandlers(spec, io, values.json === true, scrubber)
  const [{ createFeishuLongConnection }, { WebSocket }] = await Promise.all([
    import('@msg/feishu/long-connection'),
    import('ws'),
  ])
  const connection = createFeishuLongConnection({
    appId,
    appSecret,
    ...(baseURL ? { baseURL } : {}),
    WebSocket: ((globalThis as { WebSocket?: unknown }).WebSocket ?? WebSocket) as never,
    onEvent: (event) => handlers.onEvent(event),
    onMessage: (message) => handlers.onMessage(message),
    onError: handlers.onError,
  })
  await connection.start()
  io.stderr('msg listen: feishu long connection open (Ctrl-C stops)')
  await io.waitForStop()
  await connection.close()
}

/**
 * `msg listen <vendor> [--port n] [--path p] [--json] [--sandbox]`: serves the vendor's webhook on
 * 127.0.0.1, prints one line (or JSON object) per verified event on stdout, every refused request with
 * its reason on stderr, and exits 0 on SIGINT/SIGTERM. `msg listen feishu --long-connection` receives
 * over Feishu's long connection instead.
 */
export async function listenCommand(args: readonly string[], io: CommandIo): Promise<ExitCode> {
  const [vendor, ...rest] = args
  if (vendor === undefined || vendor === '--help' || vendor === '-h' || vendor === 'help') {
    io.stdout(listenHelp())
    return exitCodes.sent
  }
  const spec = findListenSpec(vendor)
  if (!spec)
    throw new UsageError(
      `unknown vendor "${vendor}" for msg listen: expected ${Object.keys(listenSpecs).join(', ')}`,
      'main',
    )
  const values = parseListenArguments(spec, rest)
  if (values.help === true) {
    io.stdout(listenHelp())
    return exitCodes.sent
  }
  const scrubber = createSecretScrubber()
  if (values['long-connection'] === true) await longConnection(values, io, scrubber, spec)
  else await serveWebhook(spec, values, io, scrubber)
  return exitCodes.sent
}
