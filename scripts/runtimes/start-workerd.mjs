// Serves one bundled Worker with the workerd binary on a loopback port: writes the bundle and a
// config (text bindings, and outbound fetch to 127.0.0.1 when asked), reads the port from workerd's
// control channel, and stops it. Used by the runtime matrix and by the examples' tests.
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { build } from 'esbuild'

const capnpText = (value) => JSON.stringify(String(value))

/**
 * Bundles a Worker entry with esbuild as a Worker runtime resolves it: plain package resolution (no
 * `@msg/source` condition, so the built dist/ runs), the `workerd`/`worker`/`browser` conditions.
 */
export async function bundleWorker(entry) {
  const bundle = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    conditions: ['workerd', 'worker', 'browser'],
    mainFields: ['module', 'main'],
    write: false,
    logLevel: 'error',
  })
  return bundle.outputFiles[0].text
}

/**
 * Starts workerd serving `code` (an ES module Worker). `bindings` become text bindings on `env`;
 * `loopbackOutbound` lets the Worker's `fetch` reach 127.0.0.1 (workerd's default outbound
 * refuses local addresses). Resolves with `{ url, stop() }`.
 */
export async function startWorkerd(workerd, code, { bindings = {}, loopbackOutbound = false } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'msg-workerd-'))
  const bindingList = Object.entries(bindings)
    .map(([name, value]) => `(name = ${capnpText(name)}, text = ${capnpText(value)})`)
    .join(', ')
  // workerd refuses a compatibility date later than its own build; any recent date works.
  const config = `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [
    (name = "main", worker = .worker),
    (name = "loopback", network = (allow = ["local", "private", "public"])),
  ],
  sockets = [(name = "http", address = "127.0.0.1:0", http = (), service = "main")],
);
const worker :Workerd.Worker = (
  modules = [(name = "worker.js", esModule = embed "worker.js")],
  compatibilityDate = "2026-01-01",
  bindings = [${bindingList}],
  ${loopbackOutbound ? 'globalOutbound = "loopback",' : ''}
);
`
  writeFileSync(join(dir, 'worker.js'), code)
  writeFileSync(join(dir, 'config.capnp'), config)
  // fd 3 carries workerd's control messages: one JSON line per socket once it listens.
  const child = spawn(workerd, ['serve', join(dir, 'config.capnp'), '--control-fd=3'], {
    stdio: ['ignore', 'inherit', 'inherit', 'pipe'],
  })
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM')
      await once(child, 'exit')
    }
    rmSync(dir, { recursive: true, force: true })
  }
  try {
    const exited = once(child, 'exit').then(([status]) => {
      throw new Error(`workerd exited (${status}) before listening`)
    })
    const listening = (async () => {
      for await (const line of createInterface({ input: child.stdio[3] })) {
        const message = JSON.parse(line)
        if (message.event === 'listen' && message.socket === 'http') return message.port
      }
      throw new Error('workerd closed its control channel before listening')
    })()
    const port = await Promise.race([listening, exited])
    exited.catch(() => {})
    return { url: `http://127.0.0.1:${port}`, stop }
  } catch (error) {
    await stop()
    throw error
  }
}
