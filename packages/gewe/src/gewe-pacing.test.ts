import { NetworkError } from '@msg/core'
import { toFetch } from '@msg/core/testing'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createGewe, type GeweSettings } from './index.js'
import { createGeweFake } from './testing/index.js'

const token = 'tok-0123456789abcdef'
const text = (appId: string, content: string) => ({ appId, toWxid: 'wxid_friend', content })

function setup(settings: Partial<GeweSettings> = {}) {
  const fake = createGeweFake({ token })
  const arrivals: { at: number; appId: string; content: string }[] = []
  const fetch = toFetch(async (request) => {
    const body = await request.clone().json()
    arrivals.push({ at: Date.now(), appId: body.appId, content: body.content })
    return fake.handle(request)
  })
  const client = createGewe({ token, fetch, ...settings })
  return { fake, client, arrivals }
}

beforeEach(() => {
  vi.useFakeTimers({ now: 1_000_000 })
})
afterEach(() => {
  vi.useRealTimers()
})

describe('account-safe pacing', () => {
  it('spaces two sends for one appId by at least the gap', async () => {
    const { client, arrivals } = setup({ pacing: { gapMs: 1000, jitterMs: 0 } })
    const sends = [client.message.postText(text('a', '1')), client.message.postText(text('a', '2'))]
    await vi.advanceTimersByTimeAsync(0)
    expect(arrivals).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(999)
    expect(arrivals).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(arrivals).toHaveLength(2)
    await Promise.all(sends)
    expect(arrivals[1]!.at - arrivals[0]!.at).toBeGreaterThanOrEqual(1000)
  })

  it('is on by default: 1 s plus up to 1 s of random jitter', async () => {
    const { client, arrivals } = setup()
    const sends = [1, 2, 3].map((n) => client.message.postText(text('a', String(n))))
    await vi.runAllTimersAsync()
    await Promise.all(sends)
    for (const [index, arrival] of arrivals.slice(1).entries()) {
      const gap = arrival.at - arrivals[index]!.at
      expect(gap).toBeGreaterThanOrEqual(1000)
      expect(gap).toBeLessThan(2000)
    }
  })

  it('adds gapMs + floor(random() * jitterMs)', async () => {
    const { client, arrivals } = setup({ pacing: { gapMs: 2000, jitterMs: 3000, random: () => 0.5 } })
    const sends = [client.message.postText(text('a', '1')), client.message.postText(text('a', '2'))]
    await vi.runAllTimersAsync()
    await Promise.all(sends)
    expect(arrivals[1]!.at - arrivals[0]!.at).toBe(3500)
  })

  it('never makes two appIds wait for each other', async () => {
    const { client, arrivals } = setup({ pacing: { gapMs: 1000, jitterMs: 0 } })
    const sends = [
      client.message.postText(text('a', '1')),
      client.message.postText(text('b', '1')),
      client.message.postText(text('a', '2')),
      client.message.postText(text('b', '2')),
    ]
    await vi.advanceTimersByTimeAsync(0)
    expect(arrivals.map((arrival) => `${arrival.appId}${arrival.content}`)).toEqual(['a1', 'b1'])
    expect(arrivals[1]!.at).toBe(arrivals[0]!.at)
    await vi.advanceTimersByTimeAsync(1000)
    expect(arrivals.map((arrival) => `${arrival.appId}${arrival.content}`)).toEqual(['a1', 'b1', 'a2', 'b2'])
    await Promise.all(sends)
  })

  it('keeps one caller’s order, across postText, postPrivateLetter and sendText', async () => {
    const { client, arrivals } = setup({ pacing: { gapMs: 10, jitterMs: 50 } })
    const finder = { toUserName: 'v2_x@finder', myUserName: 'v2_me@finder', msgSessionId: 's@findermsg' }
    const sends = [
      client.message.postText(text('a', '1')),
      client.finder.postPrivateLetter({ appId: 'a', content: '2', ...finder }),
      client.sendText({ appId: 'a', toWxid: 'wxid_friend' }, '3'),
      client.sendText({ appId: 'a', finder }, '4'),
      client.message.postText(text('a', '5')),
    ]
    await vi.runAllTimersAsync()
    await Promise.all(sends)
    expect(arrivals.map((arrival) => arrival.content)).toEqual(['1', '2', '3', '4', '5'])
  })

  it('drops an aborted queued send: not-sent, never goes out, later sends keep their place', async () => {
    const { client, arrivals, fake } = setup({ pacing: { gapMs: 1000, jitterMs: 0 } })
    const controller = new AbortController()
    const first = client.message.postText(text('a', '1'))
    const second = client.message.postText(text('a', '2'), { signal: controller.signal }).catch((e) => e)
    const third = client.message.postText(text('a', '3'))
    await vi.advanceTimersByTimeAsync(500)
    controller.abort()
    const aborted = await second
    expect(NetworkError.isInstance(aborted)).toBe(true)
    expect(aborted.delivery).toBe('not-sent')
    expect(aborted.message).toMatch(/message\.postText POST \/message\/postText: aborted .* pacing/)
    await vi.advanceTimersByTimeAsync(499)
    expect(arrivals).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1)
    await Promise.all([first, third])
    await vi.runAllTimersAsync()
    expect(arrivals.map((arrival) => arrival.content)).toEqual(['1', '3'])
    expect(fake.inbox.map((item) => item.content)).toEqual(['1', '3'])
  })

  it('refuses a send whose signal is already aborted, with nothing sent', async () => {
    const { client, fake } = setup()
    const failure = await client.message
      .postText(text('a', '1'), { signal: AbortSignal.abort() })
      .catch((e) => e)
    expect(failure.delivery).toBe('not-sent')
    expect(fake.requests).toHaveLength(0)
  })

  it('keeps pacing after a failed send', async () => {
    const { client, arrivals, fake } = setup({ pacing: { gapMs: 1000, jitterMs: 0 } })
    fake.inject({ kind: 'offline' })
    const first = client.message.postText(text('a', '1')).catch((e) => e)
    const second = client.message.postText(text('a', '2'))
    await vi.runAllTimersAsync()
    await Promise.all([first, second])
    expect(arrivals[1]!.at - arrivals[0]!.at).toBeGreaterThanOrEqual(1000)
  })

  it('does not wait for a send that failed validation', async () => {
    const { client, arrivals } = setup({ pacing: { gapMs: 1000, jitterMs: 0 } })
    await expect(client.message.postText(text('a', ''))).rejects.toThrow(/must not be empty/)
    await client.message.postText(text('a', '1'))
    expect(arrivals).toHaveLength(1)
  })

  it('does not count the pacing wait against the timeout', async () => {
    const { client, arrivals } = setup({ pacing: { gapMs: 1000, jitterMs: 0 }, timeout: 50 })
    const sends = [client.message.postText(text('a', '1')), client.message.postText(text('a', '2'))]
    await vi.runAllTimersAsync()
    await expect(Promise.all(sends)).resolves.toHaveLength(2)
    expect(arrivals).toHaveLength(2)
  })

  it('pacing: false sends at once', async () => {
    const { client, arrivals } = setup({ pacing: false })
    await Promise.all([1, 2, 3].map((n) => client.message.postText(text('a', String(n)))))
    expect(new Set(arrivals.map((arrival) => arrival.at)).size).toBe(1)
    expect(arrivals).toHaveLength(3)
  })

  it('forgets idle appIds, and still paces them when they come back', async () => {
    const { client, arrivals } = setup({ pacing: { gapMs: 1000, jitterMs: 0 } })
    for (let index = 0; index < 70; index++) await client.message.postText(text(`app${index}`, 'x'))
    await vi.advanceTimersByTimeAsync(1000)
    const sends = [client.message.postText(text('app0', 'y')), client.message.postText(text('app0', 'z'))]
    await vi.runAllTimersAsync()
    await Promise.all(sends)
    expect(arrivals.at(-1)!.at - arrivals.at(-2)!.at).toBeGreaterThanOrEqual(1000)
  })
})
