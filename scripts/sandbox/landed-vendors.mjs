import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { vendors } from './vendors.mjs'

const require = createRequire(import.meta.url)

function resolvable(packageName) {
  try {
    require.resolve(`${packageName}/package.json`)
    return true
  } catch {
    return false
  }
}

/**
 * Splits the vendor registry into packages this folder can import and packages still pending
 * (not merged yet). In the repository, a vendor folder that exists but does not resolve is an
 * error: link it with `pnpm add -w -D @msg/<vendor>@workspace:*`. Node only.
 */
export function landedVendors() {
  const landed = []
  const pending = []
  for (const vendor of vendors) {
    if (resolvable(vendor.packageName)) landed.push(vendor)
    else if (existsSync(new URL(`../../packages/${vendor.directory}/package.json`, import.meta.url))) {
      throw new Error(
        `${vendor.packageName} exists but does not resolve from the root: pnpm add -w -D ${vendor.packageName}@workspace:*`,
      )
    } else pending.push(vendor)
  }
  return { landed, pending }
}
