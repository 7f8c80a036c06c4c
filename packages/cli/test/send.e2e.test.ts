import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { allRuns, runMsg, type SandboxProcess, startSandboxProcess } from './run-msg.js'

const vendors = ['gewe', 'feishu', 'fxiaoke', 'netease-im'] as const

/** `--flag value` pairs for a sample target of the sandbox. */
function targetArgs(sandbox: SandboxProcess, vendor: string): string[] {
  return Object.entries(sandbox.vendors[vendor]!.target).flatMap(([flag, value]) => [`--${flag}`, value])
}

/** Every secret value the sandbox accepts: none may appear in the output of `msg send`. */
function sandboxSecrets(sandbox: SandboxProcess): string[] {
  const secretFlags = ['token', 'app-secret', 'permanent-code', 'app-key', 'tenant-access-token']
  return Object.values(sandbox.vendors).flatMap((vendor) =>
    secretFlags
      .map((flag) => vendor.credentials[flag])
      .filter((value): value is string => value !== undefined),
  )
}

let sandbox: SandboxProcess

beforeAll(async () => {
  sandbox = await startSandboxProcess()
})

afterAll(async () => {
  expect(await sandbox.stop()).toBe(0)
})

describe('msg send against msg sandbox (the built binary)', () => {
  it.each(vendors)('sends through %s: exit 0, the message id printed, --json parses', async (vendor) => {
    const env = sandbox.vendors[vendor]!.env
    const human = await runMsg(['send', vendor, ...targetArgs(sandbox, vendor), '--text', `hi ${vendor}`], {
      env,
    })
    expect(human.stderr).toBe('')
    expect(human.code).toBe(0)
    expect(human.stdout).toMatch(new RegExp(`^sent via ${vendor}  (message|request) id \\S+`))

    const json = await runMsg(['send', vendor, ...targetArgs(sandbox, vendor), '--text', '-', '--json'], {
      env,
      stdin: `from stdin ${vendor}\n`,
    })
    expect(json.code).toBe(0)
    const printed = JSON.parse(json.stdout) as {
      ok: boolean
      vendor: string
      messageId: string | null
      requestId: string | null
    }
    expect(printed).toMatchObject({ ok: true, vendor })
    // Fxiaoke answers with a trace id only; the others with a message id.
    const id = vendor === 'fxiaoke' ? printed.requestId : printed.messageId
    expect(id).toMatch(/\S/)
    expect(human.stdout).not.toContain(id)

    const seen = await sandbox.seen()
    expect(JSON.stringify(seen[vendor]!.inbox)).toContain(`from stdin ${vendor}`)
  })

  it('exits 2 on bad input, and the fake saw no request', async () => {
    const before = await sandbox.seen()
    const env = sandbox.vendors.fxiaoke!.env
    const empty = await runMsg(['send', 'fxiaoke', '--to-user', 'FSUID_1', '--text', ''], { env })
    expect(empty.code).toBe(2)
    expect(empty.stderr).toContain('ValidationError')
    const usage = await runMsg(['send', 'gewe', '--text', 'no target'], { env: sandbox.vendors.gewe!.env })
    expect(usage.code).toBe(2)
    expect(usage.stderr).toContain('missing target: pass --app-id')
    const after = await sandbox.seen()
    for (const vendor of vendors) expect(after[vendor]!.requests).toBe(before[vendor]!.requests)
  })

  it('exits 3 when the vendor refuses (wrong credentials), without printing them', async () => {
    const env = { ...sandbox.vendors.gewe!.env, GEWE_TOKEN: 'wrong-token-0123456789' }
    const refused = await runMsg(
      ['send', 'gewe', ...targetArgs(sandbox, 'gewe'), '--text', 'hi', '--verbose'],
      {
        env,
      },
    )
    expect(refused.code).toBe(3)
    expect(refused.stderr).toContain('exit 3: refused by the vendor')
    expect(refused.stderr + refused.stdout).not.toContain('wrong-token-0123456789')

    const feishu = await runMsg(
      ['send', 'feishu', '--chat-id', 'oc_1', '--text', 'hi', '--json', '--app-secret', 'wrong-secret-0123'],
      { env: sandbox.vendors.feishu!.env },
    )
    expect(feishu.code).toBe(3)
    expect(JSON.parse(feishu.stdout)).toMatchObject({ ok: false, exitCode: 3, error: { name: 'AuthError' } })
    expect(feishu.stdout).not.toContain('wrong-secret-0123')
  })

  it('prints request and response with --verbose, secrets redacted', async () => {
    const verbose = await runMsg(
      ['send', 'netease-im', ...targetArgs(sandbox, 'netease-im'), '--text', 'hi', '--verbose'],
      { env: sandbox.vendors['netease-im']!.env },
    )
    expect(verbose.code).toBe(0)
    expect(verbose.stderr).toMatch(/^> POST http:\/\/127\.0\.0\.1:\d+\/netease-im\//m)
    expect(verbose.stderr).toMatch(/^< 200 POST/m)
    expect(verbose.stderr).toContain('[redacted]')
  })

  it('sends with --sandbox without any credentials in the environment', async () => {
    const run = await runMsg([
      'send',
      'feishu',
      '--sandbox',
      '--chat-id',
      'oc_local',
      '--text',
      'hi',
      '--verbose',
    ])
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/^sent via feishu {2}message id \S+/)
  })

  it('never printed a secret in any run above', () => {
    expect(allRuns.length).toBeGreaterThan(8)
    const printed = allRuns.map((run) => run.stdout + run.stderr).join('\n')
    for (const secret of sandboxSecrets(sandbox)) expect(printed).not.toContain(secret)
  })
})

describe('msg send against a server that never answers', () => {
  let silent: Server
  let url: string

  beforeAll(async () => {
    silent = createServer(() => {})
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve))
    url = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`
  })

  afterAll(async () => {
    silent.closeAllConnections()
    await new Promise((resolve) => silent.close(resolve))
  })

  it('exits 4 (delivery unknown) after --timeout', async () => {
    const run = await runMsg(
      [
        'send',
        'gewe',
        '--app-id',
        'wx_1',
        '--to-wxid',
        'w',
        '--text',
        'hi',
        '--timeout',
        '200',
        '--base-url',
        url,
      ],
      { env: { GEWE_TOKEN: 'gewe-token-never-printed' } },
    )
    expect(run.code).toBe(4)
    expect(run.stderr).toContain('TimeoutError, delivery unknown')
    expect(run.stderr).toContain('exit 4: delivery unknown')
    expect(run.stderr).not.toContain('gewe-token-never-printed')
  })
})
