import type { VendorName } from '../harness/vendor-kit.js'
import { cellNotes, expectedOutcomes } from './expected-outcomes.js'
import { faultRows } from './fault-injections.js'
import type { Outcome } from './run-cell.js'

const columns: Array<[VendorName, string]> = [
  ['feishu', 'Feishu'],
  ['gewe', 'GeWe'],
  ['fxiaoke', 'Fxiaoke'],
  ['netease-im', 'NetEase IM'],
]

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`
}

/** One cell as prose: the result, then what reached the vendor. */
export function describeOutcome(outcome: Outcome): string {
  const tokens = outcome.tokenRequests > 0 ? `, ${plural(outcome.tokenRequests, 'token request')}` : ''
  const wire = `${plural(outcome.sendRequests, 'send request')}${tokens}, ${outcome.delivered} delivered`
  if (outcome.result === 'sent') {
    const retries = outcome.sendRequests - 1
    return `**sent**${retries > 0 ? ` after ${plural(retries, 'retry').replace('retrys', 'retries')}` : ''} (${wire})`
  }
  const retryable =
    outcome.retryable === undefined ? '' : outcome.retryable ? ', retryable' : ', not retryable'
  return `\`${outcome.result}\`, delivery \`${outcome.delivery}\`${retryable} (${wire})`
}

/** Renders the fault matrix (the same data the suites assert) as `docs/failure-modes.md`. */
export function renderFailureModes(): string {
  const lines = [
    '# Failure modes',
    '',
    '<!-- Generated from tests/reliability/matrix/*.ts by `pnpm docs:failure-modes`; a test keeps it in sync. -->',
    '',
    'What a `sendText` call does when the network or the vendor misbehaves. Every cell below is asserted by',
    "`pnpm test:reliability` against each vendor's fake served over real HTTP on 127.0.0.1, with `timeout: 1000`,",
    '`retry: { limit: 2 }` (so at most 3 attempts), and no idempotency key passed by the caller. In every cell a later',
    'call on the same client succeeds, and no error, hook payload or log line contains a secret (the redaction audit).',
    '',
    "How to read a cell: the result (`sent` or the error class), the error's `delivery` and `retryable`, then what",
    'reached the vendor: message requests (retries included), token requests, and messages the vendor accepted.',
    '`delivery: not-sent` means the vendor certainly did not deliver (safe to resend or fall back); `unknown` means it',
    'may have (do not resend blindly). More than 1 delivered would be a duplicate message: there is none.',
    '',
    `| fault | ${columns.map(([, label]) => label).join(' | ')} |`,
    `|---|${columns.map(() => '---').join('|')}|`,
  ]
  for (const row of faultRows) {
    const cells = columns.map(([vendor]) => {
      const expected = expectedOutcomes[row.id]?.[vendor]
      if (expected) return describeOutcome(expected)
      return `— ${row.notApplicable?.[vendor] ?? 'not applicable'}`
    })
    lines.push(`| ${row.fault} | ${cells.join(' | ')} |`)
  }
  lines.push('', '## Notes', '')
  for (const row of faultRows) {
    for (const [vendor, label] of columns) {
      const note = cellNotes[row.id]?.[vendor]
      if (note) lines.push(`- **${row.id}, ${label}:** ${note}.`)
    }
  }
  lines.push(
    '',
    '## What to do with each error',
    '',
    '- `RateLimitError` (`not-sent`): wait `error.retryAfterMs` when set, else back off; then resend.',
    '- `AuthError` (`not-sent`): fix credentials or the clock (NetEase 414 says which); a rejected token was already',
    '  refreshed once.',
    '- `NetworkError` / `TimeoutError` / `ResponseError` / `VendorError` with `unknown`: the message may have arrived.',
    '  Feishu and NetEase: resend with the same `idempotencyKey` (the vendor de-duplicates). GeWe and Fxiaoke: check',
    '  before resending, or accept a possible duplicate.',
    '- Any error with `not-sent`: `withFallback` moves on to the next channel.',
    '',
  )
  return lines.join('\n')
}
