import { type NodeProcess, startNode } from '@msg/core/testing'
import {
  createFeishuLongConnectionFake,
  deliverFeishuEvent,
  feishuSandbox,
  feishuTextMessageEvent,
} from '@msg/feishu/testing'
import { deliverGeweCallback, geweTextCallback } from '@msg/gewe/testing'
import {
  deliverNeteaseImCopy,
  neteaseImLoginCopy,
  neteaseImMessageCopy,
  neteaseImSandbox,
} from '@msg/netease-im/testing'
import { afterEach, describe, expect, it } from 'vitest'
import { binPath, runMsg, startSandboxProcess } from './run-msg.js'

const running: NodeProcess[] = []
afterEach(async () => {
  await Promise.all(running.splice(0).map((child) => child.stop('SIGKILL')))
})

/** Resolves with the first match of `pattern` in what the process printed on stderr. */
async function stderrMatch(child: NodeProcess, pattern: RegExp, limitMs = 15_000): Promise<RegExpMatchArray> {
  const deadline = Date.now() + limitMs
  for (;;) {
    const match = child.stderr().match(pattern)
    if (match) return match
    if (Date.now() > deadline)
      throw new Error(`no ${pattern} on stderr within ${limitMs} ms:\n${child.stderr()}`)
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
}

/** Spawns `msg listen …` and resolves with the process and the webhook URL it printed. */
async function startListen(args: string[], env: Record<string, string> = {}) {
  const child = startNode(binPath, ['listen', ...args], { env })
  running.push(child)
  const [, url] = await stderrMatch(child, /webhook on (http:\/\/\S+) \(Ctrl-C stops\)/)
  return { child, url: url! }
}

describe('msg listen (the built binary)', () => {
  it('prints a verified message as JSON, rejects a forged one on stderr, exits 0 on SIGINT', async () => {
    const { child, url } = await startListen(['feishu', '--sandbox', '--json'])
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/feishu\/events$/)

    const said = await runMsg(['sandbox', 'say', 'feishu', 'ping 🏓', '--webhook', url])
    expect(said.stdout).toContain(': 200')
    expect(said.code).toBe(0)
    const printed = JSON.parse(await child.nextLine()) as Record<string, unknown>
    expect(printed).toMatchObject({
      kind: 'message',
      vendor: 'feishu',
      chatId: 'oc_sandbox_chat',
      senderId: 'ou_fake_sender',
      text: 'ping 🏓',
    })
    expect(printed.messageId).toMatch(/^om_/)
    expect((printed.raw as { header: { event_type: string } }).header.event_type).toBe(
      'im.message.receive_v1',
    )

    const forged = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-lark-request-timestamp': String(Math.floor(Date.now() / 1000)),
        'x-lark-request-nonce': 'n',
        'x-lark-signature': '0'.repeat(64),
      },
      body: JSON.stringify({ encrypt: 'AAAA' }),
    })
    expect(forged.status).toBe(401)
    await stderrMatch(child, /rejected POST \/feishu\/events: 401 unauthentic request/)
    expect(child.stderr()).not.toContain('sandbox-encrypt-key')

    const stopped = await child.stop('SIGINT')
    expect(stopped.code).toBe(0)
    expect(await child.nextLine().catch(() => 'no more lines')).toBe('no more lines')
  })

  it('prints one human line per message with --path and the secrets from the environment', async () => {
    const { child, url } = await startListen(['feishu', '--path', '/hook'], {
      FEISHU_VERIFICATION_TOKEN: 'sandbox-verification-token',
      FEISHU_ENCRYPT_KEY: 'sandbox-encrypt-key',
    })
    expect(new URL(url).pathname).toBe('/hook')
    expect((await runMsg(['sandbox', 'say', 'feishu', 'hello', '--webhook', url])).code).toBe(0)
    expect(await child.nextLine()).toMatch(
      /^feishu message om_\w+ in oc_sandbox_chat from ou_fake_sender: "hello"$/,
    )
    const elsewhere = await fetch(new URL('/other', url), { method: 'POST', body: '{}' })
    expect(elsewhere.status).toBe(404)
    await stderrMatch(child, /rejected POST \/other: 404/)
    expect((await child.stop('SIGTERM')).code).toBe(0)
  })

  it.each([
    ['gewe', 'message'],
    ['netease-im', 'message'],
    ['fxiaoke', 'event'],
  ])(
    "msg listen %s --sandbox prints the sandbox user's push (%s), ids exact, and rejects a forged one",
    async (vendor, kind) => {
      const { child, url } = await startListen([vendor, '--sandbox', '--json'])
      const said = await runMsg(['sandbox', 'say', vendor, 'ping', '--webhook', url])
      expect(said.stdout).toContain(': 200')
      const printed = JSON.parse(await child.nextLine()) as Record<string, unknown>
      expect(printed).toMatchObject({ kind, vendor })
      if (kind === 'message') {
        expect(printed.text).toBe('ping')
        // 64-bit ids as exact decimal strings, beyond what a double holds.
        expect(printed.messageId).toMatch(/^\d{16,}$/)
        expect(Number.isSafeInteger(Number(printed.messageId))).toBe(false)
      } else expect(printed.type).toBe('Message/text')
      const forged = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"forged":true}',
      })
      expect([400, 401]).toContain(forged.status)
      await stderrMatch(child, new RegExp(`rejected POST /${vendor}/events: 40[01]`))
      expect((await child.stop('SIGINT')).code).toBe(0)
    },
  )

  const feishuSecrets = { ...feishuSandbox.inbound!.secrets, retries: 0 } as never
  const neteaseSecrets = { ...neteaseImSandbox.inbound!.secrets, retries: 0 } as never
  it.each([
    {
      vendor: 'feishu',
      args: ['--sandbox'],
      message: (url: string) => deliverFeishuEvent(url, feishuTextMessageEvent('one'), feishuSecrets),
      event: (url: string) =>
        deliverFeishuEvent(url, { event_type: 'im.chat.disbanded_v1', event: {} }, feishuSecrets),
      eventLine: /^feishu event im\.chat\.disbanded_v1 \w+$/,
    },
    {
      vendor: 'gewe',
      args: [],
      message: (url: string) => deliverGeweCallback(url, geweTextCallback('one')),
      // The account's own message: an event, not a message.
      event: (url: string) =>
        deliverGeweCallback(url, geweTextCallback('mine', { from: 'wxid_fake_bot', to: 'wxid_fake_friend' })),
      eventLine: /^gewe event AddMsg \d+$/,
    },
    {
      vendor: 'netease-im',
      args: ['--sandbox'],
      message: (url: string) => deliverNeteaseImCopy(url, neteaseImMessageCopy('one'), neteaseSecrets),
      event: (url: string) => deliverNeteaseImCopy(url, neteaseImLoginCopy('alice'), neteaseSecrets),
      eventLine: /^netease-im event eventType 2$/,
    },
  ])(
    'msg listen $vendor prints each event once: one line for a message, one for any other event',
    async ({ vendor, args, message, event, eventLine }) => {
      const { child, url } = await startListen([vendor, ...args])
      expect((await message(url)).delivered).toBe(true)
      expect(await child.nextLine()).toMatch(new RegExp(`^${vendor} message \\S+ in \\S+ from \\S+: "one"$`))
      expect((await event(url)).delivered).toBe(true)
      expect(await child.nextLine()).toMatch(eventLine)
      expect((await child.stop('SIGINT')).code).toBe(0)
      expect(await child.nextLine().catch(() => 'no more lines')).toBe('no more lines')
    },
  )

  it('refuses to start without the verification token: exit 2, nothing served', async () => {
    const run = await runMsg(['listen', 'feishu', '--port', '0'])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain(
      'missing webhook secret for feishu: pass --verification-token or set FEISHU_VERIFICATION_TOKEN',
    )
    const unknown = await runMsg(['listen', 'slack'])
    expect(unknown.code).toBe(2)
    const badPort = await runMsg(['listen', 'feishu', '--sandbox', '--port', '70000'])
    expect(badPort.code).toBe(2)
  })

  it('refuses an unknown --secret-in for gewe: exit 2, the value named', async () => {
    const run = await runMsg(['listen', 'gewe', '--secret-in', 'bogus', '--port', '0'])
    expect(run.stderr).toContain('--secret-in must be path or header, got "bogus"')
    expect(run.code).toBe(2)
  })

  it('a running msg sandbox pushes through POST /_sandbox/say (--sandbox-url)', async () => {
    const sandbox = await startSandboxProcess()
    try {
      const { child, url } = await startListen(['feishu', '--sandbox'])
      const said = await runMsg([
        'sandbox',
        'say',
        'feishu',
        'via the sandbox',
        '--webhook',
        url,
        '--sandbox-url',
        sandbox.url,
      ])
      expect(said.code).toBe(0)
      expect(await child.nextLine()).toContain('"via the sandbox"')
      const bad = await fetch(`${sandbox.url}/_sandbox/say`, { method: 'POST', body: '{"vendor":"feishu"}' })
      expect(bad.status).toBe(400)
      const unknown = await runMsg(['sandbox', 'say', 'slack', 'x', '--webhook', url])
      expect(unknown.code).toBe(2)
    } finally {
      expect(await sandbox.stop()).toBe(0)
    }
  })

  it('a push the webhook refuses makes msg sandbox say exit 3', async () => {
    const { url } = await startListen(['feishu'], {
      FEISHU_VERIFICATION_TOKEN: 'other',
      FEISHU_ENCRYPT_KEY: 'other',
    })
    const said = await runMsg(['sandbox', 'say', 'feishu', 'ping', '--webhook', url])
    expect(said.stdout).toContain(': 401')
    expect(said.code).toBe(3)
  })

  it('--long-connection prints the events Feishu pushes over its WebSocket', async () => {
    const fake = await createFeishuLongConnectionFake()
    try {
      const child = startNode(
        binPath,
        ['listen', 'feishu', '--long-connection', '--json', '--base-url', fake.baseURL],
        {
          env: { FEISHU_APP_ID: fake.appId, FEISHU_APP_SECRET: fake.appSecret },
        },
      )
      running.push(child)
      await stderrMatch(child, /long connection open/)
      const ack = await fake.push(feishuTextMessageEvent('over the socket', { chatId: 'oc_ws' }))
      expect(ack.answer.code).toBe(200)
      expect(JSON.parse(await child.nextLine())).toMatchObject({
        kind: 'message',
        chatId: 'oc_ws',
        text: 'over the socket',
      })
      expect(child.stderr()).not.toContain(fake.appSecret)
      expect((await child.stop('SIGINT')).code).toBe(0)
    } finally {
      await fake.close()
    }
  })
})
