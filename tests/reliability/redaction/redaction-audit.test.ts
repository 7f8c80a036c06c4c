import { describe, expect, it } from 'vitest'
import { findLeaks } from '../harness/find-leaks.js'
import type { VendorName } from '../harness/vendor-kit.js'
import { vendorKits } from '../harness/vendor-kits.js'
import { faultRows } from '../matrix/fault-injections.js'
import { runCell } from '../matrix/run-cell.js'

describe('redaction audit (the full matrix scan runs in fault-matrix.test.ts, cell by cell)', () => {
  it('the scanner finds a planted secret in any output (positive control)', () => {
    const outputs = ['fine', JSON.stringify({ headers: { authorization: 'Bearer t-planted-secret-123' } })]
    expect(findLeaks(['t-planted-secret-123', 'absent-secret'], outputs)).toHaveLength(1)
  })

  // A rotated token (rejected, then refreshed inside the transport) puts two tokens on the wire; a
  // persistent failure after that makes every error path (error hook, message, JSON) print too.
  const wireSecretRows: Record<VendorName, string[]> = {
    feishu: ['token-expired', 'html-502-persistent'],
    gewe: ['token-expired'],
    fxiaoke: ['token-expired', 'html-502'],
    'netease-im': ['clock-skew'],
  }

  it.each(Object.entries(wireSecretRows))(
    '%s: the audited secrets include tokens or checksums seen on the wire, hooks saw them redacted, zero hits',
    async (vendor, rowIds) => {
      const runs = []
      for (const rowId of rowIds) {
        const row = faultRows.find((candidate) => candidate.id === rowId)
        runs.push(
          await runCell(vendorKits[vendor as VendorName], row?.inject[vendor as VendorName] ?? [], true),
        )
      }
      const outputs = runs.flatMap((run) => run.outputs)
      expect(runs.every((run) => run.wireSecrets.length > 0)).toBe(true)
      expect(outputs.some((text) => text.includes('[redacted]'))).toBe(true)
      expect(outputs.some((text) => text.includes('"error"') || text.includes('Error'))).toBe(true)
      for (const run of runs) expect(findLeaks(run.secrets, outputs)).toEqual([])
    },
  )
})
