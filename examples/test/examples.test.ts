import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runNode, sandboxEnv, startSandbox } from './run-node.js'

const example = (name: string) => fileURLToPath(new URL(`../dist/${name}.js`, import.meta.url))
const msgBin = fileURLToPath(new URL('../node_modules/@msg/cli/dist/bin.js', import.meta.url))

let sandbox: Awaited<ReturnType<typeof startSandbox>>
let env: Record<string, string>

beforeAll(async () => {
  sandbox = await startSandbox(msgBin)
  env = sandboxEnv(sandbox)
})

afterAll(() => sandbox.stop())

describe('examples/ against msg sandbox', () => {
  it.each(['gewe', 'feishu', 'fxiaoke', 'netease-im'])(
    '%s.ts sends and prints the message id (fxiaoke: trace id)',
    async (name) => {
      const run = await runNode(example(name), ['hello from the example'], env)
      expect(run.stderr).toBe('')
      expect(run.code).toBe(0)
      expect(run.stdout).toMatch(new RegExp(`^${name} (message|trace) id \\S+\\n$`))
      expect(run.stdout).not.toContain('undefined')
    },
  )

  it('fallback.ts sends through Feishu while it works', async () => {
    const run = await runNode(example('fallback'), ['disk full'], env)
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/^sent via feishu, message id \S+/)
  })

  it('fallback.ts moves on to GeWe when Feishu refuses the credentials (delivery not-sent)', async () => {
    const run = await runNode(example('fallback'), ['disk full'], {
      ...env,
      FEISHU_APP_SECRET: 'wrong-secret',
    })
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/^sent via gewe, message id \S+/)
  })
})
