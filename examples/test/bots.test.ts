import { fileURLToPath } from 'node:url'
import { type NodeProcess, startNode } from '@msg/core/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
// @ts-expect-error: a plain .mjs script of the repository, without types.
import { ensureRuntimes } from '../../scripts/runtimes/install-runtimes.mjs'
// @ts-expect-error: a plain .mjs script of the repository, without types.
import { bundleWorker, startWorkerd } from '../../scripts/runtimes/start-workerd.mjs'
import { runNode, sandboxEnv, startSandbox } from './run-node.js'

const example = (name: string) => fileURLToPath(new URL(`../dist/${name}.js`, import.meta.url))
const msgBin = fileURLToPath(new URL('../node_modules/@msg/cli/dist/bin.js', import.meta.url))

let sandbox: Awaited<ReturnType<typeof startSandbox>>
const running: NodeProcess[] = []

beforeAll(async () => {
  sandbox = await startSandbox(msgBin)
})

afterAll(async () => {
  await Promise.all(running.map((child) => child.stop()))
  await sandbox.stop()
})

/** The sandbox user writes "ping" to the bot at `webhook`; resolves with the fake's new inbox entries. */
async function ping(vendor: string, webhook: string) {
  const before = (await sandbox.inbox(vendor)).length
  const said = await runNode(msgBin, [
    'sandbox',
    'say',
    vendor,
    'ping',
    '--webhook',
    webhook,
    '--sandbox-url',
    sandbox.url,
  ])
  expect(said.stderr).toBe('')
  expect(said.stdout).toContain(': 200')
  return (await sandbox.inbox(vendor)).slice(before)
}

/** Spawns a long-running example and resolves with the URL it printed. */
async function startExample(name: string, env: Record<string, string>) {
  const child = startNode(example(name), [], { env })
  running.push(child)
  const line = await child.nextLine(15_000)
  const url = line.match(/(http:\/\/\S+)/)?.[1]
  if (!url) throw new Error(`${name} printed no URL: ${line}`)
  return url
}

describe('bot examples against msg sandbox', () => {
  it('feishu-echo-hono.ts: ping → pong through Hono on Node', async () => {
    const feishu = sandbox.vendors.feishu!
    const url = await startExample('feishu-echo-hono', { ...feishu.env, ...feishu.webhookEnv, PORT: '0' })
    const replies = await ping('feishu', url)
    expect(replies).toMatchObject([{ endpoint: 'im.message.reply', text: 'pong' }])
  })

  it('feishu-echo-worker.ts: ping → pong in workerd, the Worker replying over fetch', async () => {
    const feishu = sandbox.vendors.feishu!
    const { workerd } = ensureRuntimes()
    const code = await bundleWorker(example('feishu-echo-worker'))
    const worker = await startWorkerd(workerd, code, {
      bindings: { ...feishu.env, ...feishu.webhookEnv },
      loopbackOutbound: true,
    })
    try {
      const replies = await ping('feishu', `${worker.url}/feishu/events`)
      expect(replies).toMatchObject([{ endpoint: 'im.message.reply', text: 'pong' }])
    } finally {
      await worker.stop()
    }
  })

  it('gewe-bot.ts: ping → pong on node:http, the callback carrying the shared secret', async () => {
    const gewe = sandbox.vendors.gewe!
    const url = await startExample('gewe-bot', { ...gewe.env, ...gewe.webhookEnv, PORT: '0' })
    const replies = await ping('gewe', url)
    expect(replies).toMatchObject([{ path: '/message/postText', content: 'pong' }])
  })

  it('netease-im-copy-express.ts: ping → pong through Express and toNodeListener', async () => {
    const netease = sandbox.vendors['netease-im']!
    const url = await startExample('netease-im-copy-express', {
      ...netease.env,
      ...netease.webhookEnv,
      PORT: '0',
    })
    const replies = await ping('netease-im', url)
    expect(JSON.stringify(replies)).toContain('pong')
    expect(replies).toHaveLength(1)
  })

  it('alert.ts: one Notice to four vendors through broadcast', async () => {
    const env = sandboxEnv(sandbox)
    const run = await runNode(example('alert'), ['db-1 disk at 91%', 'https://status.example.com/db-1'], env)
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(
      run.stdout
        .split('\n')
        .filter(Boolean)
        .map((line) => line.split(' ').slice(0, 2).join(' ')),
    ).toEqual(['feishu ok', 'gewe ok', 'fxiaoke ok', 'netease-im ok'])
    for (const vendor of ['feishu', 'gewe', 'fxiaoke', 'netease-im']) {
      const landed = JSON.stringify((await sandbox.inbox(vendor)).at(-1))
      expect(landed).toContain('db-1 disk at 91%')
      expect(landed).toContain('https://status.example.com/db-1')
    }
  })
})
