import { afterEach, describe, expect, it, vi } from 'vitest'
import { createFragmentBuffer } from './fragment-buffer.js'

const bytes = (...values: number[]) => Uint8Array.from(values)

describe('createFragmentBuffer', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('joins parts in seq order, whatever order they arrive in, and passes a single part through', () => {
    const buffer = createFragmentBuffer(1_000)
    expect(buffer.add('m', 1, 0, bytes(9))).toEqual(bytes(9))
    expect(buffer.add('m1', 3, 2, bytes(5, 6))).toBeUndefined()
    expect(buffer.add('m1', 3, 0, bytes(1, 2))).toBeUndefined()
    expect(buffer.add('m1', 3, 0, bytes(1, 2))).toBeUndefined() // a repeated part counts once
    expect(buffer.pending).toBe(1)
    expect(buffer.add('m1', 3, 1, bytes(3, 4))).toEqual(bytes(1, 2, 3, 4, 5, 6))
    expect(buffer.pending).toBe(0)
    buffer.clear()
  })

  it('drops an incomplete message after the timeout', () => {
    vi.useFakeTimers()
    const buffer = createFragmentBuffer(1_000)
    buffer.add('m', 2, 0, bytes(1))
    vi.advanceTimersByTime(1_001)
    expect(buffer.pending).toBe(0)
    expect(buffer.add('m', 2, 1, bytes(2))).toBeUndefined() // the first part is gone
    buffer.clear()
    expect(vi.getTimerCount()).toBe(0)
  })

  it('ignores impossible sum/seq headers', () => {
    const buffer = createFragmentBuffer(1_000)
    expect(buffer.add('m', 0, 0, bytes(1))).toBeUndefined()
    expect(buffer.add('m', 2, 2, bytes(1))).toBeUndefined()
    expect(buffer.add('m', Number.NaN, 0, bytes(1))).toBeUndefined()
    expect(buffer.pending).toBe(0)
  })
})
