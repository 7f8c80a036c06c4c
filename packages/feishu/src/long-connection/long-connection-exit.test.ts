import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runNode } from '@msg/core/testing'
import { build } from 'esbuild'
import { expect, it } from 'vitest'
import { createFeishuLongConnectionFake } from '../testing/index.js'

// The child starts a connection (socket open, ping timer armed at 120 s), receives a pong, and
// closes it. Nothing else keeps it alive: it must exit by itself, long before the ping is due.
const child = `
import WebSocket from 'ws'
import { createFeishuLongConnection } from './long-connection.js'
void (async () => {
  const connection = createFeishuLongConnection({
    appId: process.env.APP_ID, appSecret: process.env.APP_SECRET, baseURL: process.env.BASE_URL, WebSocket,
  })
  await connection.start()
  console.log('started')
  await new Promise((resolve) => setTimeout(resolve, 100))
  await connection.close()
  console.log('closed')
})()
`

it('close() leaves nothing behind: a child process exits by itself', async () => {
  const fake = await createFeishuLongConnectionFake()
  const dir = await mkdtemp(join(tmpdir(), 'feishu-long-connection-'))
  try {
    const file = join(dir, 'child.cjs')
    await build({
      stdin: { contents: child, resolveDir: import.meta.dirname, loader: 'ts' },
      bundle: true,
      platform: 'node',
      format: 'cjs',
      outfile: file,
      conditions: ['@msg/source'],
      logLevel: 'silent',
    })
    const startedAt = Date.now()
    const run = await runNode(file, [], {
      env: { APP_ID: fake.appId, APP_SECRET: fake.appSecret, BASE_URL: fake.baseURL },
      limitMs: 5_000,
    })
    expect(run.stderr).toBe('')
    expect(run.stdout).toBe('started\nclosed\n')
    expect(run).toMatchObject({ code: 0, signal: null })
    expect(Date.now() - startedAt).toBeLessThan(4_000)
    expect(fake.pings).toBe(1)
  } finally {
    await rm(dir, { recursive: true, force: true })
    await fake.close()
  }
})
