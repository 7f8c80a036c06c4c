import { describe, expect, it, vi } from 'vitest'
import { FallbackError } from '../errors/fallback-error.js'
import type { Vendor } from '../errors/msg-error.js'
import { NetworkError } from '../errors/network-error.js'
import { TimeoutError } from '../errors/timeout-error.js'
import { ValidationError } from '../errors/validation-error.js'
import { broadcast } from './broadcast.js'
import type { Notice } from './notice.js'
import { type TextChannel, textChannels } from './text-channel.js'
import { withFallback } from './with-fallback.js'

function channel(vendor: Vendor, outcome: 'ok' | Error) {
  const send = vi.fn(async (text: unknown, _options?: unknown) => {
    if (outcome !== 'ok') throw outcome
    return { vendor, messageId: `${vendor}-1`, raw: { text } }
  })
  return { vendor, send } satisfies TextChannel
}

describe('withFallback', () => {
  it('moves on only after a not-sent failure and returns the first success', async () => {
    const down = channel(
      'feishu',
      new NetworkError({ vendor: 'feishu', message: 'refused', delivery: 'not-sent' }),
    )
    const up = channel('gewe', 'ok')
    const spare = channel('fxiaoke', 'ok')
    const sent = await withFallback([down, up, spare]).send('hello')
    expect(sent).toEqual({ vendor: 'gewe', messageId: 'gewe-1', raw: { text: 'hello' } })
    expect(spare.send).not.toHaveBeenCalled()
  })

  it('stops at a delivery-unknown failure so the text is never sent twice', async () => {
    const ambiguous = channel('feishu', new TimeoutError({ vendor: 'feishu', message: 'slow' }))
    const next = channel('gewe', 'ok')
    const error = await withFallback([ambiguous, next])
      .send('hello')
      .catch((caught: unknown) => caught)
    expect(FallbackError.isInstance(error)).toBe(true)
    expect((error as FallbackError).delivery).toBe('unknown')
    expect((error as FallbackError).attempts.map((attempt) => attempt.vendor)).toEqual(['feishu'])
    expect(next.send).not.toHaveBeenCalled()
  })

  it('reports every attempt when all fail', async () => {
    const a = channel('feishu', new NetworkError({ vendor: 'feishu', message: 'a' }))
    const b = channel('gewe', new NetworkError({ vendor: 'gewe', message: 'b' }))
    const error = (await withFallback([a, b])
      .send('x')
      .catch((caught: unknown) => caught)) as FallbackError
    expect(error.attempts.map((attempt) => attempt.vendor)).toEqual(['feishu', 'gewe'])
    expect(error.delivery).toBe('not-sent')
  })

  it('treats a foreign error as unknown delivery and refuses an empty list', async () => {
    const odd = channel('feishu', new Error('bug'))
    const next = channel('gewe', 'ok')
    await expect(withFallback([odd, next]).send('x')).rejects.toMatchObject({ delivery: 'unknown' })
    expect(next.send).not.toHaveBeenCalled()
    expect(() => withFallback([])).toThrow(TypeError)
  })
})

describe('broadcast', () => {
  it('never throws and reports one result per channel, in order', async () => {
    const failure = new NetworkError({ vendor: 'gewe', message: 'down' })
    const results = await broadcast([channel('feishu', 'ok'), channel('gewe', failure)], 'hi')
    expect(results).toEqual([
      {
        vendor: 'feishu',
        ok: true,
        message: { vendor: 'feishu', messageId: 'feishu-1', raw: { text: 'hi' } },
      },
      { vendor: 'gewe', ok: false, error: failure },
    ])
  })

  it('captures synchronous throws too', async () => {
    const sync: TextChannel = {
      vendor: 'fxiaoke',
      send: () => {
        throw new Error('sync')
      },
    }
    const [result] = await broadcast([sync], 'hi')
    expect(result).toMatchObject({ vendor: 'fxiaoke', ok: false })
  })
})

describe('textChannels', () => {
  const sent = (vendor: Vendor, raw: unknown) => ({ vendor, messageId: '1', raw })
  const sendText = vi.fn(async (target: string, text: string) => sent('gewe', { target, text }))
  const sendNotice = vi.fn(async (target: string, notice: Notice) => sent('gewe', { target, notice }))

  it('sends a string as a text exactly and a Notice through the vendor renderer', async () => {
    const channel = textChannels('gewe', sendText, sendNotice)('wxid_1')
    expect((await channel.send(' hi ')).raw).toEqual({ target: 'wxid_1', text: ' hi ' })
    const notice = { title: 'Disk', text: 'db-1 full', url: 'https://status.test/db-1' }
    expect((await channel.send(notice)).raw).toEqual({ target: 'wxid_1', notice })
  })

  it('sends a Notice as plain lines when the vendor has no richer form', async () => {
    sendText.mockClear()
    const channel = textChannels('gewe', sendText)('wxid_1')
    await channel.send({ title: 'Disk', text: 'db-1 full', url: 'https://status.test/db-1' })
    await channel.send({ text: 'only text' })
    expect(sendText.mock.calls.map((call) => call[1])).toEqual([
      'Disk\ndb-1 full\nhttps://status.test/db-1',
      'only text',
    ])
  })

  it('refuses a bad Notice with a ValidationError naming the field, before any send', async () => {
    sendText.mockClear()
    sendNotice.mockClear()
    const channel = textChannels('gewe', sendText, sendNotice)('wxid_1')
    const bad = [
      [{ text: '' }, 'notice.text: must not be empty'],
      [{ text: 'x', title: '' }, 'notice.title: must not be empty'],
      [{ text: 'x', url: 'ftp://files.test/a' }, 'notice.url: must be an absolute http(s) URL'],
      [{ text: 'x', url: '/relative' }, 'notice.url: must be an absolute http(s) URL'],
      [{ text: 42 }, 'notice.text: must be a string'],
    ] as const
    for (const [notice, issue] of bad) {
      const error = await channel.send(notice as unknown as Notice).catch((caught: unknown) => caught)
      expect(ValidationError.isInstance(error)).toBe(true)
      expect((error as ValidationError).message).toContain(issue)
      expect((error as ValidationError).delivery).toBe('not-sent')
    }
    expect(sendText).not.toHaveBeenCalled()
    expect(sendNotice).not.toHaveBeenCalled()
  })

  it('carries a Notice through withFallback and broadcast', async () => {
    const down = channel(
      'feishu',
      new NetworkError({ vendor: 'feishu', message: 'down', delivery: 'not-sent' }),
    )
    const up = textChannels('gewe', sendText, sendNotice)('wxid_1')
    const notice = { text: 'deploy done' }
    expect((await withFallback([down, up]).send(notice)).raw).toEqual({ target: 'wxid_1', notice })
    expect(down.send).toHaveBeenCalledWith(notice, undefined)
    const results = await broadcast([up, down], notice)
    expect(results.map((result) => result.ok)).toEqual([true, false])
  })
})
