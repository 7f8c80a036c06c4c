import { describe, expect, it } from 'vitest'
import { main } from './main.js'
import { createTestIo } from './test-io.js'
import { version } from './version.js'

describe('main', () => {
  it('prints help with the exit codes, and the version', async () => {
    const help = createTestIo()
    expect(await main(['--help'], help.io)).toBe(0)
    const text = help.stdout.join('\n')
    for (const line of ['0  sent', '2  bad input', '3  refused by the vendor', '4  delivery unknown'])
      expect(text).toContain(line)
    const shown = createTestIo()
    expect(await main(['--version'], shown.io)).toBe(0)
    expect(shown.stdout).toEqual([version])
  })

  it('prints send help with an example per vendor and every credential variable', async () => {
    const { io, stdout } = createTestIo()
    expect(await main(['send', '--help'], io)).toBe(0)
    const text = stdout.join('\n')
    for (const vendor of ['gewe', 'feishu', 'fxiaoke', 'netease-im'])
      expect(text).toContain(`msg send ${vendor} `)
    for (const variable of [
      'FEISHU_APP_ID',
      'FEISHU_APP_SECRET',
      'FEISHU_TENANT_ACCESS_TOKEN',
      'GEWE_TOKEN',
      'FXIAOKE_APP_ID',
      'FXIAOKE_APP_SECRET',
      'FXIAOKE_PERMANENT_CODE',
      'FXIAOKE_USER_ID',
      'NETEASE_IM_APP_KEY',
      'NETEASE_IM_APP_SECRET',
    ])
      expect(text).toContain(variable)
  })

  it('exits 2 on an unknown command or flag', async () => {
    const command = createTestIo()
    expect(await main(['sned'], command.io)).toBe(2)
    expect(command.stderr.join('\n')).toContain('unknown command "sned"')
    const flag = createTestIo()
    expect(await main(['sandbox', '--prot', '1'], flag.io)).toBe(2)
    expect(flag.stderr.join('\n')).toContain("Unknown option '--prot'")
  })

  it('names both the flag and the variable of a missing credential, exit 2', async () => {
    const { io, stderr } = createTestIo()
    const code = await main(['send', 'gewe', '--app-id', 'wx_1', '--to-wxid', 'w', '--text', 'hi'], io)
    expect(code).toBe(2)
    expect(stderr.join('\n')).toContain('pass --token or set GEWE_TOKEN')
  })

  it('reports a missing credential as JSON on standard output with --json', async () => {
    const { io, stdout, stderr } = createTestIo()
    const code = await main(
      ['send', 'netease-im', '--from', 'a', '--to', 'b', '--text', 'hi', '--json', '--app-key', 'k'],
      io,
    )
    expect(code).toBe(2)
    expect(stderr).toEqual([])
    expect(JSON.parse(stdout[0]!)).toMatchObject({
      ok: false,
      exitCode: 2,
      error: {
        name: 'UsageError',
        message: expect.stringContaining('--app-secret or set NETEASE_IM_APP_SECRET'),
      },
    })
  })

  it('asks feishu for exactly one target', async () => {
    const { io, stderr } = createTestIo()
    expect(await main(['send', 'feishu', '--chat-id', 'a', '--email', 'b', '--text', 'x'], io)).toBe(2)
    expect(stderr.join('\n')).toContain('exactly one target')
  })
})
