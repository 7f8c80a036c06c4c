// Installs the extra runtimes of the matrix from the npm registry into the git-ignored
// `.runtimes/` (outside the workspace's dependencies, so `pnpm install` stays fast). Idempotent.
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'

/** The exact runtime versions CI runs; bump them here. */
export const runtimePackages = { node: '24.21.0', bun: '1.4.5', deno: '2.9.6', workerd: '1.20261117.1' }

const prefix = fileURLToPath(new URL('../../.runtimes/', import.meta.url))

function installedVersion(name) {
  const manifest = `${prefix}node_modules/${name}/package.json`
  return existsSync(manifest) ? JSON.parse(readFileSync(manifest, 'utf8')).version : undefined
}

/** Installs what is missing and returns the binary of each runtime. */
export function ensureRuntimes() {
  const missing = Object.entries(runtimePackages).filter(
    ([name, version]) => installedVersion(name) !== version,
  )
  if (missing.length > 0) {
    const specs = missing.map(([name, version]) => `${name}@${version}`)
    console.log(`installing ${specs.join(' ')} into .runtimes/`)
    execFileSync(
      'npm',
      ['install', '--prefix', prefix, '--no-audit', '--no-fund', '--loglevel=error', ...specs],
      {
        stdio: 'inherit',
      },
    )
  }
  const bin = (name) => `${prefix}node_modules/.bin/${name}`
  // The workerd package's main export is the path of its platform binary (run directly, so that
  // stopping it needs no wrapper process in between).
  const workerd = createRequire(`${prefix}package.json`)('workerd').default
  return { node24: bin('node'), bun: bin('bun'), deno: bin('deno'), workerd }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(ensureRuntimes())
