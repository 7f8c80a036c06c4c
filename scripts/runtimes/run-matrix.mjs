// `pnpm test:runtimes`: builds the packages, installs Node 24, Bun, Deno and workerd into .runtimes/,
// serves the fakes from a Node process and runs scripts/runtimes/smoke.mjs under each runtime
// against the built dist/; for workerd, workerd-smoke.mjs (run by Node) serves the webhook in a
// Worker and drives it over HTTP. Any runtime failing fails the whole run.
import { execFileSync, spawn } from 'node:child_process'
import { once } from 'node:events'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { landedVendors } from '../sandbox/landed-vendors.mjs'
import { ensureRuntimes } from './install-runtimes.mjs'

const root = fileURLToPath(new URL('../../', import.meta.url))
const smoke = fileURLToPath(new URL('./smoke.mjs', import.meta.url))
const workerdSmoke = fileURLToPath(new URL('./workerd-smoke.mjs', import.meta.url))

if (!process.argv.includes('--no-build')) execFileSync('pnpm', ['build'], { cwd: root, stdio: 'inherit' })
const binaries = ensureRuntimes()

const runtimes = [
  { name: 'Node 20', command: process.execPath, args: [smoke], version: [process.execPath, '--version'] },
  { name: 'Node 24', command: binaries.node24, args: [smoke], version: [binaries.node24, '--version'] },
  { name: 'Bun', command: binaries.bun, args: [smoke], version: [binaries.bun, '--version'] },
  {
    name: 'Deno',
    command: binaries.deno,
    args: ['run', '--allow-net=127.0.0.1', '--allow-env', '--allow-read', '--node-modules-dir=manual', smoke],
    version: [binaries.deno, '--version'],
  },
  {
    name: 'workerd',
    command: process.execPath,
    args: [workerdSmoke, binaries.workerd],
    version: [binaries.workerd, '--version'],
  },
]

const { pending } = landedVendors()
const server = spawn(process.execPath, [fileURLToPath(new URL('./serve-fakes.mjs', import.meta.url))], {
  cwd: root,
  stdio: ['pipe', 'pipe', 'inherit'],
})
const [firstLine] = await once(createInterface({ input: server.stdout }), 'line')
const endpoints = JSON.parse(firstLine)

const results = []
try {
  for (const runtime of runtimes) {
    const version = execFileSync(runtime.version[0], runtime.version.slice(1), { encoding: 'utf8' })
      .split('\n')[0]
      .trim()
    console.log(`\n== ${runtime.name}: ${version}`)
    const child = spawn(runtime.command, runtime.args, {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, MSG_SMOKE_ENDPOINTS: JSON.stringify(endpoints), NO_COLOR: '1' },
    })
    const [code] = await once(child, 'exit')
    results.push({ runtime: runtime.name, version, ok: code === 0 })
  }
} finally {
  server.stdin.end()
  server.kill('SIGTERM')
}

console.log('\n| runtime | version | smoke |\n|---|---|---|')
for (const result of results)
  console.log(`| ${result.runtime} | ${result.version} | ${result.ok ? 'pass' : 'FAIL'} |`)
if (pending.length > 0)
  console.log(`\nvendors PENDING (not merged yet, not covered): ${pending.map((v) => v.id).join(', ')}`)
const failed = results.filter((result) => !result.ok).length
console.log(`\n${results.length - failed} passed, ${failed} failed`)
process.exit(failed === 0 ? 0 : 1)
