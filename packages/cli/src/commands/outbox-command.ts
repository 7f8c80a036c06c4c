import { parseArgs } from 'node:util'
import { NetworkError, redactText } from '@msg/core'
import { createOutboxAdmin, type LedgerEntry, type LedgerState } from '@msg/outbox'
import { Redis } from 'ioredis'
import { toUsageError } from '../arguments/to-usage-error.js'
import type { CommandIo } from '../command-io.js'
import { type ExitCode, exitCodes } from '../exit-codes.js'
import { outboxHelp } from '../help/outbox-help.js'
import { UsageError } from '../usage-error.js'

const options = {
  redis: { type: 'string' },
  queue: { type: 'string' },
  prefix: { type: 'string' },
  limit: { type: 'string' },
  as: { type: 'string' },
  by: { type: 'string' },
  note: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const

function describeEntry(entry: LedgerEntry): string {
  const when = new Date(entry.updatedAt).toISOString()
  const why = entry.reason ?? entry.lastError ?? ''
  return `${entry.id}  ${entry.sender}  ${entry.state}  attempts ${entry.attempts}  ${when}${why ? `  ${why}` : ''}`
}

function parseLimit(raw: string | undefined): number {
  if (raw === undefined) return 100
  const limit = Number(raw)
  if (!Number.isInteger(limit) || limit < 1)
    throw new UsageError(`--limit must be a whole number >= 1, got "${raw}"`, 'main')
  return limit
}

/**
 * `msg outbox status|unknown|dead|resolve`: the operator's view of an `@msg/outbox` in Redis
 * (`--redis <url>` or `MSG_OUTBOX_REDIS`): counts per ledger state, the parked `unknown` messages
 * and the dead letters with their reasons, and `resolve <id> --as sent|resend` (audited with `--by`).
 */
export async function outboxCommand(args: readonly string[], io: CommandIo): Promise<ExitCode> {
  let parsed: ReturnType<
    typeof parseArgs<{ args: string[]; options: typeof options; allowPositionals: true }>
  >
  try {
    parsed = parseArgs({ args: [...args], options, allowPositionals: true, strict: true })
  } catch (error) {
    throw toUsageError(error, 'msg outbox')
  }
  const { values, positionals } = parsed
  const [action, id] = positionals
  if (values.help || action === undefined || action === 'help') {
    io.stdout(outboxHelp())
    return exitCodes.sent
  }
  if (!['status', 'unknown', 'dead', 'resolve'].includes(action))
    throw new UsageError(
      `msg outbox: unknown action "${action}": expected status, unknown, dead or resolve`,
      'main',
    )
  const url = values.redis ?? io.env.MSG_OUTBOX_REDIS
  if (!url) throw new UsageError('msg outbox: --redis <url> (or MSG_OUTBOX_REDIS) is required', 'main')
  const limit = parseLimit(values.limit)
  if (action === 'resolve' && (id === undefined || (values.as !== 'sent' && values.as !== 'resend')))
    throw new UsageError('msg outbox resolve: needs <id> and --as sent|resend', 'main')
  const redis = await connectOnce(url)
  const admin = createOutboxAdmin({
    connection: redis,
    ...(values.queue === undefined ? {} : { queueName: values.queue }),
    ...(values.prefix === undefined ? {} : { prefix: values.prefix }),
  })
  try {
    if (action === 'status') {
      const counts = await admin.counts()
      if (values.json) io.stdout(JSON.stringify(counts))
      else for (const [state, count] of Object.entries(counts)) io.stdout(`${state.padEnd(9)} ${count}`)
      return exitCodes.sent
    }
    if (action === 'unknown' || action === 'dead') {
      const entries = await admin.list(action as LedgerState, { limit })
      if (values.json) io.stdout(JSON.stringify(entries))
      else if (entries.length === 0) io.stdout(`no ${action} messages`)
      else for (const entry of entries) io.stdout(describeEntry(entry))
      return exitCodes.sent
    }
    const result = await admin.resolve(id ?? '', values.as as 'sent' | 'resend', {
      by: values.by ?? io.env.USER ?? 'msg-cli',
      note: values.note ?? '',
    })
    if (values.json) io.stdout(JSON.stringify({ id, ...result }))
    else if (result.ok) io.stdout(`${id}: ${result.state}`)
    else
      io.stderr(
        `${id}: not resolved, it is ${result.state} (only unknown, or dead for resend, can be resolved)`,
      )
    return result.ok ? exitCodes.sent : exitCodes.refused
  } finally {
    await admin.close()
    await redis.quit().catch(() => redis.disconnect())
  }
}

/**
 * One connection for one command: it fails within a few seconds (exit 4) when Redis cannot be reached,
 * instead of retrying forever as a long-lived worker's connection does.
 */
async function connectOnce(url: string): Promise<Redis> {
  const redis = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 3_000,
    maxRetriesPerRequest: 1,
    retryStrategy: () => null,
  })
  redis.on('error', () => {})
  try {
    await redis.connect()
    return redis
  } catch (error) {
    redis.disconnect()
    const why = error instanceof Error ? error.message : String(error)
    throw new NetworkError({
      vendor: 'core',
      message: `msg outbox: cannot reach Redis at ${redactText(url.replace(/\/\/[^@/]*@/, '//[redacted]@'))}: ${why}`,
    })
  }
}
