import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { serve } from '@msg/core/testing'
import { createFeishuBotFake } from '@msg/feishu/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runMsg, type SandboxProcess, startSandboxProcess } from './run-msg.js'

const dir = mkdtempSync(join(tmpdir(), 'msg-send-rich-'))
/** Writes a file for a content flag and returns its path. */
function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name)
  writeFileSync(path, content)
  return path
}
const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82])
const card = {
  schema: '2.0',
  header: { title: { tag: 'plain_text', content: 'Deploy' } },
  body: { elements: [{ tag: 'markdown', content: '**done**' }] },
}

const vendors = ['gewe', 'feishu', 'fxiaoke', 'netease-im'] as const

function targetArgs(sandbox: SandboxProcess, vendor: string): string[] {
  return Object.entries(sandbox.vendors[vendor]!.target).flatMap(([flag, value]) => [`--${flag}`, value])
}

let sandbox: SandboxProcess

beforeAll(async () => {
  sandbox = await startSandboxProcess()
})

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true })
  expect(await sandbox.stop()).toBe(0)
})

/** Sends through the sandbox with `args`; resolves with the run and the fake's newest inbox entry. */
async function sendRich(vendor: string, args: string[]) {
  const run = await runMsg(['send', vendor, ...targetArgs(sandbox, vendor), ...args], {
    env: sandbox.vendors[vendor]!.env,
  })
  const inbox = (await sandbox.seen())[vendor]!.inbox
  return { run, last: JSON.stringify(inbox.at(-1)) }
}

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

  it('feishu --image uploads then sends the image; --card and --post send their JSON', async () => {
    const image = await sendRich('feishu', ['--image', file('chart.png', png)])
    expect(image.run.stderr).toBe('')
    expect(image.run.code).toBe(0)
    expect(image.last).toMatch(/"msg_type":"image".*img_v2_/)
    const sentCard = await sendRich('feishu', ['--card', file('card.json', JSON.stringify(card))])
    expect(sentCard.run.code).toBe(0)
    expect(sentCard.last).toContain('"msg_type":"interactive"')
    const post = { zh_cn: { title: 'Weekly', content: [[{ tag: 'text', text: 'all green' }]] } }
    const sentPost = await sendRich('feishu', ['--post', file('post.json', JSON.stringify(post))])
    expect(sentPost.run.code).toBe(0)
    expect(sentPost.last).toContain('all green')
  })

  it('gewe --image-url, --file-url with --file-name, --link-url with --title/--text/--thumb-url', async () => {
    const image = await sendRich('gewe', ['--image-url', 'https://cdn.example.com/a.png'])
    expect(image.run.code).toBe(0)
    expect(image.run.stdout).toMatch(/^sent via gewe {2}message id \d{16,}/)
    expect(image.last).toContain('/message/postImage')
    const sentFile = await sendRich('gewe', [
      '--file-url',
      'https://cdn.example.com/r.pdf',
      '--file-name',
      'r.pdf',
    ])
    expect(sentFile.run.code).toBe(0)
    expect(sentFile.last).toContain('/message/postFile')
    const link = await sendRich('gewe', [
      '--link-url',
      'https://status.example.com',
      '--title',
      'Status',
      '--text',
      'all green',
      '--thumb-url',
      'https://status.example.com/t.png',
    ])
    expect(link.run.code).toBe(0)
    expect(link.last).toContain('/message/postLink')
  })

  it('fxiaoke --composite and netease-im --message-type with --attachment', async () => {
    const composite = {
      head: { title: 'Deploy' },
      first: { content: 'done' },
      link: { title: 'open', url: 'https://status.example.com' },
    }
    const fx = await sendRich('fxiaoke', ['--composite', file('composite.json', JSON.stringify(composite))])
    expect(fx.run.code).toBe(0)
    expect(fx.last).toContain('"msgType":"composite"')
    const attachment = {
      url: 'https://cdn.example.com/a.png',
      md5: 'd41d8cd98f00b204e9800998ecf8427e',
      w: 1,
      h: 1,
    }
    const ne = await sendRich('netease-im', [
      '--message-type',
      '1',
      '--attachment',
      file('att.json', JSON.stringify(attachment)),
    ])
    expect(ne.run.code).toBe(0)
    expect(ne.run.stdout).toMatch(/message id \d{16,}/)
    expect(ne.last).toContain('cdn.example.com/a.png')
  })

  it('a missing or malformed file, or two content flags, exits 2 and nothing reaches the fake', async () => {
    const before = await sandbox.seen()
    const runs = await Promise.all([
      sendRich('feishu', ['--image', join(dir, 'no-such.png')]),
      sendRich('feishu', ['--card', file('broken.json', '{ not json')]),
      sendRich('feishu', [
        '--card',
        file('card2.json', JSON.stringify(card)),
        '--post',
        file('p.json', '{}'),
      ]),
      sendRich('gewe', ['--image-url', 'not a url']),
      sendRich('netease-im', ['--message-type', '1', '--attachment', file('bad.json', '{"w":1}')]),
    ])
    for (const { run } of runs) expect([run.code, run.stderr]).toEqual([2, expect.stringContaining('exit 2')])
    expect(runs[0]!.run.stderr).toContain('--image: cannot read')
    expect(runs[1]!.run.stderr).toContain('is not JSON')
    const after = await sandbox.seen()
    for (const vendor of vendors) expect(after[vendor]!.requests).toBe(before[vendor]!.requests)
  })

  it('a content flag given --text it would not send exits 2 and nothing reaches the fake', async () => {
    const before = await sandbox.seen()
    const attachment = file('att-text.json', JSON.stringify({ url: 'https://cdn.example.com/a.png' }))
    const runs = await Promise.all([
      sendRich('gewe', ['--image-url', 'https://cdn.example.com/a.png', '--text', 'hi']),
      sendRich('gewe', [
        '--file-url',
        'https://cdn.example.com/r.pdf',
        '--file-name',
        'r.pdf',
        '--text',
        'hi',
      ]),
      sendRich('netease-im', [
        '--message-type',
        '1',
        '--attachment',
        attachment,
        '--text',
        'x',
        '--title',
        't',
      ]),
      sendRich('fxiaoke', ['--composite', file('c-text.json', '{}'), '--text', 'hi']),
    ])
    for (const { run } of runs) expect(run.code).toBe(2)
    expect(runs[0]!.run.stderr).toContain('--image-url says on its own what to send: drop --text')
    expect(runs[1]!.run.stderr).toContain('--file-url says on its own what to send: drop --text')
    expect(runs[2]!.run.stderr).toContain(
      '--message-type sends --text along, not a notice: drop --title and --url',
    )
    expect(runs[3]!.run.stderr).toContain('--composite says on its own what to send: drop --text')
    // The conversation id is NetEase's own (`conversationId`): an id with its `|` separator is refused.
    const badId = await runMsg(
      [
        'send',
        'netease-im',
        '--from',
        'a|b',
        '--to',
        'bob',
        '--message-type',
        '1',
        '--attachment',
        attachment,
      ],
      { env: sandbox.vendors['netease-im']!.env },
    )
    expect(badId.code).toBe(2)
    expect(badId.stderr).toContain('must not contain |')
    const after = await sandbox.seen()
    for (const vendor of vendors) expect(after[vendor]!.requests).toBe(before[vendor]!.requests)
  })

  it('gewe: a notice with --url and --thumb-url goes out as a link card (postLink)', async () => {
    const sent = await sendRich('gewe', [
      '--text',
      'db-1 at 91%',
      '--title',
      'Disk',
      '--url',
      'https://status.example.com/db-1',
      '--thumb-url',
      'https://status.example.com/t.png',
    ])
    expect(sent.run.stderr).toBe('')
    expect(sent.run.code).toBe(0)
    expect(sent.last).toContain('/message/postLink')
    expect(sent.last).toContain('https://status.example.com/t.png')
  })

  it('msg send feishu-bot signs with --secret and reaches the custom bot', async () => {
    const fake = createFeishuBotFake({
      token: 'b1f2c3d4-e5f6-4711-8899-aabbccddeeff',
      secret: 'bot-signing-secret',
    })
    const served = await serve(fake.handle)
    try {
      const args = ['send', 'feishu-bot', '--webhook', fake.webhook, '--base-url', served.url]
      const signed = await runMsg([
        ...args,
        '--secret',
        'bot-signing-secret',
        '--title',
        'Disk',
        '--text',
        'db-1 at 91%',
      ])
      expect(signed.stderr).toBe('')
      expect(signed.code).toBe(0)
      expect(JSON.stringify(fake.inbox.at(-1))).toContain('db-1 at 91%')
      const unsigned = await runMsg([...args, '--text', 'no secret'])
      expect(unsigned.code).toBe(3)
      expect(unsigned.stderr).toContain('AuthError')
      const printed = signed.stdout + signed.stderr + unsigned.stdout + unsigned.stderr
      expect(printed).not.toContain('bot-signing-secret')
      expect(printed).not.toContain('b1f2c3d4-e5f6-4711-8899-aabbccddeeff')
    } finally {
      await served.close()
    }
  })
})
