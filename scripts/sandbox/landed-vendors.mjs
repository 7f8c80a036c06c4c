import { existsSync } from 'node:fs'
import { vendors } from './vendors.mjs'

/** The repository root, for scripts that look at packages on disk. */
export const repositoryRoot = new URL('../../', import.meta.url)

/**
 * Splits the vendor registry into packages present in this checkout and packages still pending
 * (not merged yet). Node only.
 */
export function landedVendors() {
  const landed = []
  const pending = []
  for (const vendor of vendors) {
    const manifest = new URL(`packages/${vendor.directory}/package.json`, repositoryRoot)
    if (existsSync(manifest)) landed.push(vendor)
    else pending.push(vendor)
  }
  return { landed, pending }
}
