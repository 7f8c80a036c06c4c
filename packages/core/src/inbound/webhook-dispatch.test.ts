import { describe, expect, it, vi } from 'vitest'
import { createMemoryDedupeStore } from './dedupe-store.js'
import { createWebhookDispatch } from './webhook-dispatch.js'

const ok = () => new Response('ok')

describe('createWebhookDispatch', () => {
  it("dedupes under the vendor's prefix and TTL and answers with its ok() and failed()", async () => {
    const store = createMemoryDedupeStore()
    const set = vi.spyOn(store, 'set')
    const onError = vi.fn()
    const failed = () => new Response(null, { status: 503 })
    const { dispatch } = createWebhookDispatch(
      'acme',
      { dedupe: store, onError },
      { ttlMs: 5000, ok, failed },
    )
    expect((await dispatch(['e'], () => Promise.reject(new Error('x')))).status).toBe(503)
    expect(onError).toHaveBeenCalledOnce()
    const handler = vi.fn(async () => {})
    expect((await dispatch(['e'], handler)).status).toBe(200)
    expect((await dispatch(['e'], handler)).status).toBe(200)
    expect(handler).toHaveBeenCalledOnce()
    expect(set).toHaveBeenCalledWith('acme:e', true, 5000)
  })

  it('takes dedupeTtlMs and respond from the settings, waitUntil from either context argument', async () => {
    const store = createMemoryDedupeStore()
    const set = vi.spyOn(store, 'set')
    const settings = { dedupe: store, dedupeTtlMs: 10, respond: 'before-handler' as const }
    const { dispatch } = createWebhookDispatch('acme', settings, { ttlMs: 5000, ok })
    const tasks: Promise<unknown>[] = []
    const handler = vi.fn(async () => {})
    const answer = await dispatch(
      ['e'],
      handler,
      {},
      { waitUntil: (task: Promise<unknown>) => tasks.push(task) },
    )
    expect(answer.status).toBe(200)
    expect(tasks).toHaveLength(1)
    await Promise.all(tasks)
    expect(handler).toHaveBeenCalledOnce()
    expect(set).toHaveBeenCalledWith('acme:e', true, 10)
  })

  it('logs to console.error tagged with the vendor when no onError is set', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {})
    try {
      const { dispatch, onError } = createWebhookDispatch('acme', {}, { ttlMs: 1000, ok })
      const error = new Error('x')
      expect((await dispatch(['e'], () => Promise.reject(error))).status).toBe(500)
      expect(log).toHaveBeenCalledWith('[@msg/acme] webhook:', error)
      onError('y')
      expect(log).toHaveBeenLastCalledWith('[@msg/acme] webhook:', 'y')
    } finally {
      log.mockRestore()
    }
  })
})
