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

  const wireSecretRow: Record<VendorName, string> = {
    feishu: 'token-expired',
    gewe: 'token-expired',
    fxiaoke: 'token-expired',
    'netease-im': 'clock-skew',
  }

  it.each(Object.entries(wireSecretRow))(
    '%s: the audited secrets include tokens or checksums seen on the wire, hooks saw them redacted, zero hits',
    async (vendor, rowId) => {
      const row = faultRows.find((candidate) => candidate.id === rowId)
      const run = await runCell(
        vendorKits[vendor as VendorName],
        row?.inject[vendor as VendorName] ?? [],
        true,
      )
      expect(run.wireSecrets.length).toBeGreaterThan(0)
      expect(run.outputs.some((text) => text.includes('[redacted]'))).toBe(true)
      expect(run.outputs.some((text) => text.includes('"error"') || text.includes('Error'))).toBe(true)
      expect(findLeaks(run.secrets, run.outputs)).toEqual([])
    },
  )
})
