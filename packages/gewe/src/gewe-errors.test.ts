import { AuthError, NetworkError, ResponseError, TimeoutError, VendorError } from '@msg/core'
import { describe, expect, it } from 'vitest'
import { createGewe, type GeweSettings } from './index.js'
import { createGeweFake, type GeweFault } from './testing/index.js'

const token = 'tok-0123456789abcdef'
const body = { appId: 'wx_app_1', toWxid: 'wxid_friend', content: 'hello' }

function setup(fault?: GeweFault, settings: Partial<GeweSettings> = {}) {
  const fake = createGeweFake({ token })
  if (fault) fake.inject(fault)
  const client = createGewe({
    token,
    fetch: fake.fetch,
    pacing: false,
    retry: { backoffLimit: 1 },
    ...settings,
  })
  return {
    fake,
    client,
    error: () => client.message.postText(body, { idempotencyKey: 'ignored' }).catch((e) => e),
  }
}

describe('GeWe failures', () => {
  it('ret 500 with HTTP 200 is a VendorError carrying ret, msg and data.msg', async () => {
    const { fake, error } = setup({
      kind: 'server-error',
      msg: '操作失败',
      data: { code: '-2', msg: '发送失败' },
    })
    const failure = await error()
    expect(VendorError.isInstance(failure)).toBe(true)
    expect(failure).toMatchObject({ code: 500, status: 200, vendorMessage: '操作失败: 发送失败: code -2' })
    expect(failure.details).toEqual({ ret: 500, msg: '操作失败', data: { code: '-2', msg: '发送失败' } })
    expect(failure.message).toMatch(
      /^\[@msg\/gewe\] message\.postText POST \/message\/postText: vendor code 500/,
    )
    expect(fake.requests).toHaveLength(1)
  })

  it('ret 500 with msg null: delivery unknown, exactly one request at the fake (no resend)', async () => {
    const { fake, error } = setup({ kind: 'server-error', msg: null })
    const failure = await error()
    expect(VendorError.isInstance(failure)).toBe(true)
    expect(AuthError.isInstance(failure)).toBe(false)
    expect(failure).toMatchObject({
      code: 500,
      delivery: 'unknown',
      retryable: true,
      vendorMessage: undefined,
    })
    expect(fake.requests).toHaveLength(1)
    expect(fake.inbox).toHaveLength(1)
  })

  it('a timeout: TimeoutError, delivery unknown, exactly one request at the fake', async () => {
    const { fake, error } = setup({ kind: 'delay', ms: 300 }, { timeout: 50 })
    const failure = await error()
    expect(TimeoutError.isInstance(failure)).toBe(true)
    expect(failure.delivery).toBe('unknown')
    await new Promise((resolve) => setTimeout(resolve, 350))
    expect(fake.requests).toHaveLength(1)
    expect(fake.inbox).toHaveLength(1)
  })

  it('an HTTP 502 gateway page: ResponseError, delivery unknown, one request', async () => {
    const { fake, error } = setup({ kind: 'html', status: 502 })
    const failure = await error()
    expect(ResponseError.isInstance(failure)).toBe(true)
    expect(failure).toMatchObject({ status: 502, delivery: 'unknown' })
    expect(fake.requests).toHaveLength(1)
  })

  it('an HTTP 4xx page: ResponseError, not sent', async () => {
    const { fake, error } = setup({ kind: 'html', status: 404 })
    expect(await error()).toMatchObject({ name: 'ResponseError', status: 404, delivery: 'not-sent' })
    expect(fake.requests).toHaveLength(1)
  })

  it('a broken body: ResponseError, delivery unknown, one request', async () => {
    const { fake, error } = setup({ kind: 'broken-body' })
    const failure = await error()
    expect(ResponseError.isInstance(failure)).toBe(true)
    expect(failure).toMatchObject({ status: 200, delivery: 'unknown' })
    expect(fake.requests).toHaveLength(1)
  })

  it('a reset connection: NetworkError, delivery unknown, one request', async () => {
    const { fake, error } = setup({ kind: 'drop' })
    const failure = await error()
    expect(NetworkError.isInstance(failure)).toBe(true)
    expect(failure.delivery).toBe('unknown')
    expect(fake.requests).toHaveLength(1)
  })

  it('offline device (微信已离线): VendorError, retryable false, not sent', async () => {
    const { fake, error } = setup({ kind: 'offline' })
    const failure = await error()
    expect(VendorError.isInstance(failure)).toBe(true)
    expect(failure).toMatchObject({ code: 500, retryable: false, delivery: 'not-sent' })
    expect(failure.vendorMessage).toBe('操作失败: 微信已离线: code -1')
    expect(fake.requests).toHaveLength(1)
  })

  it('an invalid token: AuthError, one request, the echoed token redacted everywhere', async () => {
    const events: unknown[] = []
    const { fake, error } = setup(
      { kind: 'auth-failed' },
      { hooks: { response: (event) => events.push(event), error: (event) => events.push(event) } },
    )
    const failure = await error()
    expect(AuthError.isInstance(failure)).toBe(true)
    expect(failure).toMatchObject({ code: 500, retryable: false, delivery: 'not-sent' })
    expect(failure.vendorMessage).toContain('不可用或已过期')
    expect(fake.requests).toHaveLength(1)
    const everything = JSON.stringify([failure, failure.message, failure.toJSON(), events])
    expect(everything).not.toContain(token)
    expect(everything).toContain('[redacted]')
  })

  it('a token GeWe does not know: AuthError, and an unknown echoed token is redacted too', async () => {
    const fake = createGeweFake({ token: 'the-real-one' })
    const client = createGewe({ token: async () => 'wrong-token-value', fetch: fake.fetch, pacing: false })
    const failure = await client.message.postText(body).catch((e) => e)
    expect(AuthError.isInstance(failure)).toBe(true)
    expect(failure.message).not.toContain('wrong-token-value')
  })

  it('an empty token header (X-GEWE-TOKEN 不可为空): AuthError', async () => {
    const fake = createGeweFake({ token })
    const client = createGewe({ token: () => '', fetch: fake.fetch, pacing: false })
    const failure = await client.message.postText(body).catch((e) => e)
    expect(AuthError.isInstance(failure)).toBe(true)
    expect(failure.vendorMessage).toContain('X-GEWE-TOKEN 不可为空')
    expect(fake.requests).toHaveLength(1)
  })
})
