import { RateLimitError } from '@msg/core'
import { describe, expect, it } from 'vitest'
import { createBotPacer, type PacerClock } from './bot-pacer.js'

/** A clock that only moves when a sleeper asks it to: each sleep jumps time to its wake-up. */
function manualClock() {
  let time = 1_000_000
  const wakeups: number[] = []
  const clock: PacerClock = {
    now: () => time,
    sleep: async (ms, signal) => {
      if (signal?.aborted) throw signal.reason
      time += ms
      wakeups.push(time)
    },
  }
  return { clock, wakeups, advance: (ms: number) => (time += ms), now: () => time }
}

describe('bot pacing', () => {
  it('lets 5 through at once, then holds the 6th until the first leaves the last second', async () => {
    const { clock, wakeups } = manualClock()
    const pace = createBotPacer({}, clock)
    for (let index = 0; index < 5; index++) await pace('bot.send')
    expect(wakeups).toEqual([])
    await pace('bot.send')
    expect(wakeups).toEqual([1_001_000])
  })

  it('never lets more than 5 into any second nor 100 into any minute, in call order', async () => {
    const { clock, now } = manualClock()
    const pace = createBotPacer({}, clock)
    const sent: number[] = []
    for (let index = 0; index < 230; index++) {
      await pace('bot.send')
      sent.push(now())
    }
    for (let index = 5; index < sent.length; index++) {
      expect((sent[index] as number) - (sent[index - 5] as number)).toBeGreaterThanOrEqual(1000)
    }
    for (let index = 100; index < sent.length; index++) {
      expect((sent[index] as number) - (sent[index - 100] as number)).toBeGreaterThanOrEqual(60_000)
    }
    expect([...sent].sort((a, b) => a - b)).toEqual(sent)
  })

  it("fails fast with RateLimitError and retryAfterMs under 'fail', taking no slot", async () => {
    const { clock, advance } = manualClock()
    const pace = createBotPacer({ whenFull: 'fail', perSecond: 2 }, clock)
    await pace('bot.send')
    advance(300)
    await pace('bot.send')
    const error = await pace('bot.send').catch((caught: unknown) => caught)
    expect(RateLimitError.isInstance(error)).toBe(true)
    expect(error).toMatchObject({ retryAfterMs: 700, delivery: 'not-sent', vendor: 'feishu' })
    expect((error as Error).message).toMatch(/^\[@msg\/feishu\] bot\.send: local pacing \(2\/s, 100\/min\)/)
    advance(700)
    await pace('bot.send')
  })

  it('fails instead of waiting longer than maxWaitMs', async () => {
    const { clock } = manualClock()
    const pace = createBotPacer({ perMinute: 1, maxWaitMs: 30_000 }, clock)
    await pace('bot.send')
    await expect(pace('bot.send')).rejects.toMatchObject({ name: 'RateLimitError', retryAfterMs: 60_000 })
  })

  it('frees the slot of a caller that aborts while waiting', async () => {
    const { clock, wakeups } = manualClock()
    const pace = createBotPacer({ perSecond: 1 }, clock)
    await pace('bot.send')
    const controller = new AbortController()
    controller.abort(new Error('gave up'))
    await expect(pace('bot.send', controller.signal)).rejects.toThrow('gave up')
    await pace('bot.send')
    // The aborted caller's slot (t+1000) was given back: the next one takes it, not t+2000.
    expect(wakeups).toEqual([1_001_000])
  })
})
