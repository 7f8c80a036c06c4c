import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/** The repository root as a path ending in `/`. */
export const root = fileURLToPath(new URL('../../', import.meta.url))

/**
 * Every package under `packages/` that is published (not `private`), with its manifest.
 * @returns {{ name: string, version: string, directory: string, manifest: any }[]}
 */
export function publicPackages() {
  const found = []
  for (const folder of readdirSync(`${root}packages`).sort()) {
    const manifestPath = `${root}packages/${folder}/package.json`
    if (!existsSync(manifestPath)) continue
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'))
    if (manifest.private === true) continue
    found.push({
      name: manifest.name,
      version: manifest.version,
      directory: `${root}packages/${folder}`,
      manifest,
    })
  }
  return found
}
