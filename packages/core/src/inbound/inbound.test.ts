import { describe, expect, it, vi } from 'vitest'
import { createMemoryDedupeStore } from './dedupe-store.js'
import { createDeduper } from './deduper.js'
import { dispatchOnce } from './dispatch-once.js'
import { timingSafeEqual } from './timing-safe-equal.js'
import { answerMalformed, answerUnauthentic } from './webhook-answers.js'
import { webhookContext } from './webhook-handler.js'

const ok = () => new Response('ok')

describe('createMemoryDedupeStore', () => {
  it('forgets a key after its TTL and keeps at most maxEntries keys', () => {
    let now = 0
    const store = createMemoryDedupeStore({ now: () => now, maxEntries: 2 })
    store.set('a', true, 100)
    expect(store.get('a')).toBe(true)
    now = 100
    expect(store.get('a')).toBeUndefined()
    store.set('b', true, 1000)
    store.set('c', true, 1000)
    store.set('d', true, 1000)
    expect([store.get('b'), store.get('c'), store.get('d')]).toEqual([undefined, true, true])
    store.delete('c')
    expect(store.get('c')).toBeUndefined()
  })
})

describe('createDeduper', () => {
  it('runs work once per key, marks keys only after success, and lets a failed event run again', async () => {
    const deduper = createDeduper({ ttlMs: 1000, prefix: 'v:' })
    const work = vi.fn(async () => {})
    expect(await deduper.once(['event:1', 'message:1'], work)).toBe('handled')
    expect(await deduper.once(['event:2', 'message:1'], work)).toBe('duplicate')
    expect(work).toHaveBeenCalledTimes(1)
    await expect(deduper.once(['event:3'], () => Promise.reject(new Error('boom')))).rejects.toThrow('boom')
    expect(await deduper.once(['event:3'], work)).toBe('handled')
  })

  it('makes a concurrent request for a running key wait for that run', async () => {
    const deduper = createDeduper({ ttlMs: 1000, prefix: '' })
    let release = () => {}
    const gate = new Promise<void>((resolve) => {
      release = resolve
    })
    const work = vi.fn(() => gate)
    const first = deduper.once(['k'], work)
    const second = deduper.once(['k'], work)
    release()
    expect(await Promise.all([first, second])).toEqual(['handled', 'duplicate'])
    expect(work).toHaveBeenCalledTimes(1)
  })

  it('prefixes keys in the shared store', async () => {
    const store = createMemoryDedupeStore()
    await createDeduper({ store, ttlMs: 1000, prefix: 'feishu:' }).mark(['event:1'])
    expect(store.get('feishu:event:1')).toBe(true)
  })
})

describe('dispatchOnce', () => {
  it('answers 500 when the handler throws, and ok() for the redelivery once handled', async () => {
    const deduper = createDeduper({ ttlMs: 1000, prefix: '' })
    const onError = vi.fn()
    const failing = await dispatchOnce({
      deduper,
      keys: ['e'],
      handler: async () => Promise.reject(new Error('x')),
      ok,
      onError,
    })
    expect(failing.status).toBe(500)
    expect(onError).toHaveBeenCalledOnce()
    const handler = vi.fn(async () => {})
    expect((await dispatchOnce({ deduper, keys: ['e'], handler, ok })).status).toBe(200)
    expect((await dispatchOnce({ deduper, keys: ['e'], handler, ok })).status).toBe(200)
    expect(handler).toHaveBeenCalledOnce()
  })

  it('with before-handler, answers first and hands the handler to waitUntil', async () => {
    const deduper = createDeduper({ ttlMs: 1000, prefix: '' })
    const tasks: Promise<unknown>[] = []
    const onError = vi.fn()
    const handler = vi.fn(() => Promise.reject(new Error('late')))
    const response = await dispatchOnce({
      deduper,
      keys: ['e'],
      handler,
      ok,
      onError,
      respond: 'before-handler',
      context: { waitUntil: (task) => tasks.push(task) },
    })
    expect(response.status).toBe(200)
    await Promise.all(tasks)
    expect(onError).toHaveBeenCalledOnce()
    expect(await deduper.seen(['e'])).toBe(true)
  })

  it('with before-handler, two concurrent deliveries of one event schedule the handler once', async () => {
    const deduper = createDeduper({ ttlMs: 1000, prefix: '' })
    const handler = vi.fn(async () => {})
    const context = { waitUntil: () => {} }
    const run = () => dispatchOnce({ deduper, keys: ['e'], handler, ok, respond: 'before-handler', context })
    const answers = await Promise.all([run(), run()])
    expect(answers.map((answer) => answer.status)).toEqual([200, 200])
    expect(handler).toHaveBeenCalledOnce()
  })

  it('with before-handler but no waitUntil, awaits by default and detaches when told', async () => {
    const deduper = createDeduper({ ttlMs: 1000, prefix: '' })
    const failing = () => Promise.reject(new Error('x'))
    const awaited = await dispatchOnce({
      deduper,
      keys: ['a'],
      handler: failing,
      ok,
      respond: 'before-handler',
    })
    expect(awaited.status).toBe(500)
    const detached = await dispatchOnce({
      deduper,
      keys: ['b'],
      handler: failing,
      ok,
      onError: () => {},
      respond: 'before-handler',
      withoutWaitUntil: 'detach',
    })
    expect(detached.status).toBe(200)
  })

  it('answers failed() instead of 500 when the handler throws, and ok() once handled', async () => {
    const deduper = createDeduper({ ttlMs: 1000, prefix: '' })
    const failed = () => new Response('busy', { status: 503 })
    const handler = vi.fn(async () => {}).mockRejectedValueOnce(new Error('x'))
    const options = { deduper, keys: ['e'], handler, ok, failed, onError: () => {} }
    const failing = await dispatchOnce(options)
    expect([failing.status, await failing.text()]).toEqual([503, 'busy'])
    expect((await dispatchOnce(options)).status).toBe(200)
  })

  it('answers 500 when the dedupe store fails', async () => {
    const store = { get: () => Promise.reject(new Error('redis down')), set: () => true, delete: () => true }
    const deduper = createDeduper({ store, ttlMs: 1000, prefix: '' })
    const handler = vi.fn(async () => {})
    expect((await dispatchOnce({ deduper, keys: ['e'], handler, ok, onError: () => {} })).status).toBe(500)
    expect(handler).not.toHaveBeenCalled()
  })
})

describe('timingSafeEqual and answers', () => {
  it('compares strings exactly, also across lengths and non-ASCII text', () => {
    expect(timingSafeEqual('abc', 'abc')).toBe(true)
    expect(timingSafeEqual('abc', 'abd')).toBe(false)
    expect(timingSafeEqual('ab', 'abc')).toBe(false)
    expect(timingSafeEqual('abc', 'ab')).toBe(false)
    expect(timingSafeEqual('令牌', '令牌')).toBe(true)
    expect(timingSafeEqual('', '')).toBe(true)
  })

  it('answers 401 and 400 with JSON that says only what failed', async () => {
    const unauthentic = answerUnauthentic()
    expect(unauthentic.status).toBe(401)
    expect(await unauthentic.json()).toEqual({ error: 'unauthentic request' })
    expect(answerMalformed('not JSON').status).toBe(400)
  })
})

describe('webhookContext', () => {
  it("takes waitUntil from the second argument, else from a Worker's third (ctx after env)", () => {
    const ctx = { waitUntil: () => {} }
    expect(webhookContext(ctx)).toBe(ctx)
    expect(webhookContext({ SECRET: 'env binding' }, ctx)).toBe(ctx)
    expect(webhookContext({}, {})).toBeUndefined()
    expect(webhookContext()).toBeUndefined()
  })
})
