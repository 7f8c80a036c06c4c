import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runMsg, type SandboxProcess, startSandboxProcess } from './run-msg.js'

const vendors = ['gewe', 'feishu', 'fxiaoke', 'netease-im'] as const

function targetArgs(sandbox: SandboxProcess, vendor: string): string[] {
  return Object.entries(sandbox.vendors[vendor]!.target).flatMap(([flag, value]) => [`--${flag}`, value])
}

let sandbox: SandboxProcess

beforeAll(async () => {
  sandbox = await startSandboxProcess()
})

afterAll(async () => {
  expect(await sandbox.stop()).toBe(0)
})

describe('msg send beyond text, against msg sandbox (the built binary)', () => {
  it.each(vendors)(
    '--title and --url send a notice through %s: exit 0, the fake holds it',
    async (vendor) => {
      const run = await runMsg(
        [
          'send',
          vendor,
          ...targetArgs(sandbox, vendor),
          '--text',
          `disk 91% on ${vendor}`,
          '--title',
          'Disk alert',
          '--url',
          'https://status.example.com/db-1',
        ],
        { env: sandbox.vendors[vendor]!.env },
      )
      expect(run.stderr).toBe('')
      expect(run.code).toBe(0)
      expect(run.stdout).toMatch(new RegExp(`^sent via ${vendor} `))
      const inbox = JSON.stringify((await sandbox.seen())[vendor]!.inbox)
      for (const part of [`disk 91% on ${vendor}`, 'Disk alert', 'https://status.example.com/db-1'])
        expect(inbox).toContain(part)
    },
  )

  it('a bad notice or a lone --title exits 2 and nothing reaches the fake', async () => {
    const before = await sandbox.seen()
    const env = sandbox.vendors.gewe!.env
    const badUrl = await runMsg(
      ['send', 'gewe', ...targetArgs(sandbox, 'gewe'), '--text', 'x', '--url', 'ftp://files.example.com/a'],
      { env },
    )
    expect(badUrl.code).toBe(2)
    expect(badUrl.stderr).toContain('notice.url: must be an absolute http(s) URL')
    const lone = await runMsg(['send', 'gewe', ...targetArgs(sandbox, 'gewe'), '--title', 'x'], { env })
    expect(lone.code).toBe(2)
    expect(lone.stderr).toContain('--title and --url send a notice: they need --text as well')
    const after = await sandbox.seen()
    for (const vendor of vendors) expect(after[vendor]!.requests).toBe(before[vendor]!.requests)
  })
})
