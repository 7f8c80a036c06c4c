import { spawn } from 'node:child_process'
import { once } from 'node:events'
import {
  cpSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { root } from './public-packages.mjs'
import { runCommand } from './run-command.mjs'

function packTarballs(packages, destination) {
  mkdirSync(destination, { recursive: true })
  const tarballs = {}
  for (const pkg of packages) {
    const before = new Set(readdirSync(destination))
    runCommand('pnpm', ['pack', '--pack-destination', destination], { cwd: pkg.directory })
    const [created] = readdirSync(destination).filter((file) => !before.has(file))
    if (!created) throw new Error(`pnpm pack produced no tarball for ${pkg.name}`)
    tarballs[pkg.name] = `file:./tarballs/${created}`
  }
  return tarballs
}

function writeScratchProject(scratch, tarballs) {
  const rootManifest = JSON.parse(readFileSync(`${root}package.json`, 'utf8'))
  writeFileSync(
    join(scratch, 'package.json'),
    JSON.stringify(
      {
        name: 'msg-scratch-consumer',
        private: true,
        type: 'module',
        dependencies: { ...tarballs, valibot: '1.5.0', msw: rootManifest.devDependencies.msw },
        // Internal ranges (`^0.1.0`) must resolve to these tarballs, never to the registry.
        overrides: tarballs,
      },
      null,
      2,
    ),
  )
  cpSync(`${root}scripts/sandbox`, join(scratch, 'sandbox'), { recursive: true })
  mkdirSync(join(scratch, 'runtimes'))
  for (const file of ['smoke.mjs', 'serve-fakes.mjs'])
    cpSync(`${root}scripts/runtimes/${file}`, join(scratch, 'runtimes', file))
  cpSync(`${root}scripts/packages/require-smoke.cjs`, join(scratch, 'runtimes', 'require-smoke.cjs'))
}

function assertRealInstall(scratch, names) {
  for (const name of names) {
    const installed = join(scratch, 'node_modules', name)
    if (lstatSync(installed).isSymbolicLink()) throw new Error(`${name} is a link, not an installed tarball`)
    if (realpathSync(installed).startsWith(root)) throw new Error(`${name} resolves into the workspace`)
  }
}

async function runAgainstFakes(scratch, entries) {
  const server = spawn(process.execPath, ['runtimes/serve-fakes.mjs'], {
    cwd: scratch,
    stdio: ['pipe', 'pipe', 'inherit'],
  })
  try {
    const [line] = await once(createInterface({ input: server.stdout }), 'line')
    const outputs = []
    for (const entry of entries) {
      const { output } = runCommand(process.execPath, [entry], {
        cwd: scratch,
        env: { MSG_SMOKE_ENDPOINTS: line },
      })
      outputs.push(output)
    }
    return { endpoints: JSON.parse(line), outputs }
  } finally {
    server.stdin.end()
    server.kill('SIGTERM')
  }
}

/**
 * Packs every public package with `pnpm pack`, installs the tarballs with npm into a fresh
 * directory outside the workspace (no links), serves the fakes from the installed `./testing`
 * entries, and runs the smoke scenario through ESM `import` and through `require()`.
 * @param {{ name: string, directory: string }[]} packages
 */
export async function checkScratchInstall(packages) {
  const scratch = mkdtempSync(join(tmpdir(), 'msg-scratch-'))
  try {
    const tarballs = packTarballs(packages, join(scratch, 'tarballs'))
    writeScratchProject(scratch, tarballs)
    runCommand('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: scratch })
    assertRealInstall(scratch, Object.keys(tarballs))
    const { endpoints, outputs } = await runAgainstFakes(scratch, [
      'runtimes/smoke.mjs',
      'runtimes/require-smoke.cjs',
    ])
    const vendors = Object.keys(endpoints.vendors)
    for (const output of outputs) console.log(output.replace(/^/gm, '       '))
    return `${Object.keys(tarballs).length} tarballs in ${scratch}; ESM + require() smoke passed (vendors: ${vendors.join(', ') || 'none yet'})`
  } finally {
    rmSync(scratch, { recursive: true, force: true })
  }
}
