import { parseArgs } from 'node:util'
import { toUsageError } from '../arguments/to-usage-error.js'
import type { CommandIo } from '../command-io.js'
import { type ExitCode, exitCodes } from '../exit-codes.js'
import { loadSandboxVendor } from '../sandbox/sandbox-vendors.js'
import { UsageError } from '../usage-error.js'
import { type VendorName, vendorNames } from '../vendors/vendor-spec.js'

const usage = 'msg sandbox say <vendor> "<text>" --webhook <url> [--sandbox-url <url>]'

function webUrl(raw: string, flag: string): string {
  try {
    const url = new URL(raw)
    if (url.protocol === 'http:' || url.protocol === 'https:') return url.href
  } catch {}
  throw new UsageError(`msg sandbox say: --${flag} must be an http(s) URL, got "${raw}"`, 'main')
}

/**
 * `msg sandbox say <vendor> "<text>" --webhook <url>`: a simulated user writes to a bot. The
 * vendor's fake pushes the text to the webhook, signed with the sandbox's sample secrets (as
 * `msg listen --sandbox` and the demo expect), once; with `--sandbox-url` a running `msg sandbox`
 * pushes it. Exit 0 when the webhook answered 2xx, 3 when it refused, 4 when it could not be reached.
 */
export async function sandboxSayCommand(args: readonly string[], io: CommandIo): Promise<ExitCode> {
  let parsed: ReturnType<
    typeof parseArgs<{ options: Record<string, { type: 'string' }>; allowPositionals: true }>
  >
  try {
    parsed = parseArgs({
      args: [...args],
      options: { webhook: { type: 'string' }, 'sandbox-url': { type: 'string' } },
      strict: true,
      allowPositionals: true,
    })
  } catch (error) {
    throw toUsageError(error, 'msg sandbox say')
  }
  const [vendor, rawText, ...extra] = parsed.positionals
  if (vendor === undefined || rawText === undefined || extra.length > 0)
    throw new UsageError(`usage: ${usage}`, 'main')
  if (!vendorNames.includes(vendor as VendorName))
    throw new UsageError(
      `msg sandbox say: unknown vendor "${vendor}": expected ${vendorNames.join(', ')}`,
      'main',
    )
  if (parsed.values.webhook === undefined)
    throw new UsageError(`msg sandbox say: missing --webhook <url>`, 'main')
  const webhook = webUrl(parsed.values.webhook, 'webhook')
  const text = rawText === '-' ? (await io.readStdin()).replace(/\r?\n$/, '') : rawText
  if (text === '') throw new UsageError('msg sandbox say: the text must not be empty', 'main')
  let status: number
  try {
    if (parsed.values['sandbox-url'] !== undefined) {
      const sandbox = webUrl(parsed.values['sandbox-url'], 'sandbox-url')
      const answer = await fetch(new URL('_sandbox/say', sandbox.endsWith('/') ? sandbox : `${sandbox}/`), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ vendor, text, webhook }),
      })
      const body = (await answer.json()) as { status?: number; error?: string }
      if (typeof body.status !== 'number') throw new Error(body.error ?? `sandbox answered ${answer.status}`)
      status = body.status
    } else {
      const inbound = (await loadSandboxVendor[vendor as VendorName]()).inbound
      if (!inbound) throw new UsageError(`msg sandbox say: the ${vendor} sandbox has no webhook yet`, 'main')
      status = (await inbound.say(webhook, text)).status
    }
  } catch (error) {
    if (error instanceof UsageError) throw error
    io.stderr(
      `msg sandbox say: could not push to ${webhook}: ${error instanceof Error ? error.message : String(error)}`,
    )
    return exitCodes.deliveryUnknown
  }
  const ok = status >= 200 && status < 300
  io.stdout(`${vendor}: pushed ${JSON.stringify(text)} to ${webhook}: ${status === 0 ? 'no answer' : status}`)
  return ok ? exitCodes.sent : status === 0 ? exitCodes.deliveryUnknown : exitCodes.refused
}
