import { afterAll, describe, expect, it } from 'vitest'
import { findLeaks } from '../harness/find-leaks.js'
import type { VendorName } from '../harness/vendor-kit.js'
import { vendorKits } from '../harness/vendor-kits.js'
import { expectedOutcomes } from './expected-outcomes.js'
import { faultRows } from './fault-injections.js'
import { runCell } from './run-cell.js'

const vendors = Object.keys(vendorKits) as VendorName[]
const audit = { cells: 0, outputs: 0, secrets: 0, hits: [] as string[] }

describe('the fault table', () => {
  it('gives every row an expectation or a reason for each of the four vendors, and nothing else', () => {
    for (const row of faultRows) {
      for (const vendor of vendors) {
        const injected = row.inject[vendor] !== undefined
        expect(injected, `${row.id}/${vendor}`).toBe(expectedOutcomes[row.id]?.[vendor] !== undefined)
        expect(injected !== (row.notApplicable?.[vendor] !== undefined), `${row.id}/${vendor}`).toBe(true)
      }
    }
    expect(Object.keys(expectedOutcomes).sort()).toEqual(faultRows.map((row) => row.id).sort())
  })
})

describe.each(vendors)('fault matrix: %s over HTTP on 127.0.0.1', (vendor) => {
  const rows = faultRows.filter((row) => row.inject[vendor])
  it.each(rows.map((row) => [row.id, row] as const))('%s', async (_, row) => {
    const run = await runCell(vendorKits[vendor], row.inject[vendor] ?? [], row.warm ?? true)
    expect(run.outcome).toEqual(expectedOutcomes[row.id]?.[vendor])
    expect(run.outcome.delivered).toBeLessThanOrEqual(1)
    expect(run.outcome.sendRequests).toBeLessThanOrEqual(3)
    expect(run.recovered).toBe(true)
    const hits = findLeaks(run.secrets, run.outputs).map((hit) => `${row.id}/${vendor}: ${hit}`)
    audit.cells++
    audit.outputs += run.outputs.length
    audit.secrets += run.secrets.length
    audit.hits.push(...hits)
    expect(hits).toEqual([])
  })
})

afterAll(() => {
  if (audit.cells > 0) {
    console.info(
      `redaction audit: ${audit.cells} cells, ${audit.outputs} outputs scanned for ${audit.secrets} secret values, ${audit.hits.length} hits`,
    )
  }
})
