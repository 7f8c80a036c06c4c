import { describe, expect, it } from 'vitest'
import { assertLaneLimit, defaultGuardMs, minGuardMs, rateWindowMs } from './lane-limit.js'

describe('assertLaneLimit', () => {
  it('accepts the defaults and a guard band from 30 ms up', () => {
    for (const guardMs of [undefined, minGuardMs, defaultGuardMs, 300])
      expect(() =>
        assertLaneLimit({
          kind: 'rate',
          name: 'app',
          limit: 45,
          ...(guardMs === undefined ? {} : { guardMs }),
        }),
      ).not.toThrow()
  })

  it('refuses a guard band a request could never leave within, naming the lane and the rule', () => {
    for (const guardMs of [0, 29, -1, Number.NaN, Number.POSITIVE_INFINITY])
      expect(() => assertLaneLimit({ kind: 'rate', name: 'app', limit: 45, guardMs })).toThrow(
        'lane app: guardMs must be a finite number >= 30',
      )
  })

  it('counts claims over perMs + guardMs', () => {
    expect(rateWindowMs({})).toBe(1000 + defaultGuardMs)
    expect(rateWindowMs({ perMs: 60_000, guardMs: 500 })).toBe(60_500)
  })
})
