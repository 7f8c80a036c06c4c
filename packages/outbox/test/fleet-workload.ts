// The fleet test's workload and helpers: which messages go to which sender, which get a fault, and
// how to read the ledger back.
import type { AuditEntry, LedgerEntry, OutboxAdmin } from '../src/index.js'
import type { FakesProcess } from './fakes-process.js'
import type { FakeVendor, PlannedFault } from './vendor-fakes.js'

/** One message of the workload. */
export interface PlannedMessage {
  id: string
  sender: string
}

/** The vendor of a fleet sender name (`feishu-3`, `gewe-0`, `gewe-slow`, `fxiaoke`, `netease`). */
export const vendorOf = (sender: string): FakeVendor =>
  sender.startsWith('feishu')
    ? 'feishu'
    : sender.startsWith('gewe')
      ? 'gewe'
      : sender === 'fxiaoke'
        ? 'fxiaoke'
        : 'netease-im'

/** Waits until `test` holds, polling every 100 ms; throws after `timeoutMs`. */
export async function waitUntil(
  test: () => Promise<boolean>,
  timeoutMs: number,
  what: string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await test())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms: ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

/** Waits `ms`. */
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** `total` messages in proportion to each vendor's lane capacity, interleaved as real traffic would arrive. */
export function workload(
  total: number,
  plan: { feishuChats: number; geweAccounts: number },
): PlannedMessage[] {
  const shares: [string, number][] = [
    ['feishu', 0.23],
    ['gewe', 0.25],
    ['fxiaoke', 0.21],
    ['netease', 0.31],
  ]
  const messages: PlannedMessage[] = []
  for (const [vendor, share] of shares) {
    const count = Math.round(total * share)
    for (let index = 0; index < count; index++) {
      const sender =
        vendor === 'feishu'
          ? `feishu-${index % plan.feishuChats}`
          : vendor === 'gewe'
            ? `gewe-${index % plan.geweAccounts}`
            : vendor
      messages.push({ id: `${vendor}-${index}`, sender })
    }
  }
  return messages.sort((a, b) => Number(a.id.split('-').at(-1)) - Number(b.id.split('-').at(-1)))
}

/** Gives every 20th message of each vendor a fault (5 %); returns the ids whose fault is permanent. */
export function planFaults(
  messages: PlannedMessage[],
  fakes: FakesProcess,
): { dead: Set<string>; faulty: number } {
  const kinds: Record<FakeVendor, PlannedFault[]> = {
    feishu: [
      { kind: 'rate-limit', resetSeconds: 1 },
      { kind: 'server-error', delivered: true },
      { kind: 'delay', ms: 300 },
      { kind: 'code', code: 230002 },
    ],
    'netease-im': [
      { kind: 'rate-limit', code: 107323 },
      { kind: 'server-error', delivered: true },
      { kind: 'delay', ms: 300 },
    ],
    fxiaoke: [{ kind: 'rate-limit' }, { kind: 'delay', ms: 300 }, { kind: 'quota-exceeded' }],
    gewe: [{ kind: 'delay', ms: 300 }, { kind: 'offline' }],
  }
  const dead = new Set<string>()
  const turn: Record<string, number> = {}
  let faulty = 0
  for (const message of messages) {
    if (Number(message.id.split('-').at(-1)) % 20 !== 7) continue
    const vendor = vendorOf(message.sender)
    const list = kinds[vendor]
    turn[vendor] = (turn[vendor] ?? -1) + 1
    const fault = list[(turn[vendor] ?? 0) % list.length] as PlannedFault
    fakes.fault(message.id, fault)
    faulty += 1
    if (['code', 'quota-exceeded', 'offline'].includes(fault.kind)) dead.add(message.id)
  }
  return { dead, faulty }
}

/** Every ledger entry with its audit trail, read 200 at a time. */
export async function entries(
  admin: OutboxAdmin,
  ids: readonly string[],
): Promise<Map<string, LedgerEntry & { audit: AuditEntry[] }>> {
  const found = new Map<string, LedgerEntry & { audit: AuditEntry[] }>()
  for (let start = 0; start < ids.length; start += 200)
    await Promise.all(
      ids.slice(start, start + 200).map(async (id) => {
        const entry = await admin.get(id)
        if (entry) found.set(id, entry)
      }),
    )
  return found
}

/** Whether a killed worker had claimed the message (the audit: it moved it to `sending`) and never finished it. */
export function inSendWindowOfKilled(
  entry: { audit: { by: string; to: string }[] },
  killed: ReadonlySet<string>,
): boolean {
  return entry.audit.some(
    (step, index) =>
      step.to === 'sending' &&
      killed.has(step.by) &&
      !entry.audit.slice(index + 1).some((later) => later.by === step.by),
  )
}
