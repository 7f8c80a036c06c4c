import { MsgError } from '@msg/core'
import { describe, expect, it } from 'vitest'
import { credentials, post, setup } from '../../test/copy-requests.js'
import { md5Hex } from '../md5.js'
import { neteaseImLoginCopy, neteaseImMessageCopy } from '../testing/netease-im-sample-copies.js'
import { neteaseImCopyCheckSum } from './netease-im-copy-signature.js'
import { createNeteaseImWebhook } from './netease-im-webhook.js'

const big = '9223372036854775807'

describe('createNeteaseImWebhook: authenticity', () => {
  it('hands a signed copy to onEvent with its ids exact, sent as a string or as a raw number', async () => {
    const { webhook, onEvent } = setup()
    const asString = await post(webhook, neteaseImMessageCopy('hi', { msgidServer: big }))
    expect([asString.response.status, asString.text]).toEqual([200, '{}'])
    const asNumber = await post(webhook, neteaseImMessageCopy('hi', { msgidServer: 9223372036854775806n }))
    expect(asNumber.push.body).toContain('"msgidServer":9223372036854775806,')
    expect(asNumber.response.status).toBe(200)
    expect(onEvent.mock.calls.map(([event]) => event.msgidServer)).toEqual([big, '9223372036854775806'])
  })

  it('refuses a tampered body, a wrong MD5, a wrong CheckSum, a wrong AppKey, a wrong secret and missing headers', async () => {
    const { webhook, onEvent, onMessage } = setup()
    const copy = neteaseImMessageCopy('hi')
    const cases = [
      await post(webhook, copy, {}, (push) => {
        push.body = push.body.replace('"hi"', '"ho"')
      }),
      await post(webhook, copy, {}, (push) => {
        push.headers.MD5 = 'f'.repeat(32)
      }),
      await post(webhook, copy, {}, (push) => {
        push.headers.CheckSum = '0'.repeat(40)
      }),
      await post(webhook, copy, {}, (push) => {
        push.headers.CurTime = String(Number(push.headers.CurTime) + 1)
      }),
      await post(webhook, copy, { appKey: 'other-app' }),
      await post(webhook, copy, { appSecret: 'guessed' }),
      await post(webhook, copy, {}, (push) => {
        delete push.headers.CheckSum
      }),
      await post(webhook, copy, {}, (push) => {
        delete push.headers.CurTime
      }),
    ]
    for (const { response, text, push } of cases) {
      expect(response.status).toBe(401)
      expect(text).toBe('{"error":"unauthentic request"}')
      expect(text).not.toContain(credentials.appSecret)
      expect(text).not.toContain(push.headers.CheckSum ?? 'none')
    }
    expect(onEvent).not.toHaveBeenCalled()
    expect(onMessage).not.toHaveBeenCalled()
  })

  it('takes header names in any case and a copy without the AppKey header', async () => {
    const { webhook, onEvent } = setup()
    const lower = await post(webhook, neteaseImLoginCopy('u1'), {}, (push) => {
      push.headers = Object.fromEntries(Object.entries(push.headers).map(([k, v]) => [k.toLowerCase(), v]))
    })
    const noAppKey = await post(webhook, neteaseImLoginCopy('u2'), { sendAppKey: false })
    expect([lower.response.status, noAppKey.response.status]).toEqual([200, 200])
    expect(onEvent).toHaveBeenCalledTimes(2)
  })

  it('checks no CurTime window by default, and refuses one outside a configured window', async () => {
    const hour = 3_600_000
    const open = setup()
    const old = await post(open.webhook, neteaseImLoginCopy('u1'), { now: () => Date.now() - hour })
    expect(old.response.status).toBe(200)
    const strict = setup({ curTimeToleranceMs: 60_000 })
    const at = (offset: number) => ({ now: () => Date.now() + offset })
    expect((await post(strict.webhook, neteaseImLoginCopy('a'), at(-50_000))).response.status).toBe(200)
    expect((await post(strict.webhook, neteaseImLoginCopy('b'), at(-70_000))).response.status).toBe(401)
    expect((await post(strict.webhook, neteaseImLoginCopy('c'), at(70_000))).response.status).toBe(401)
    expect(strict.onEvent).toHaveBeenCalledOnce()
  })

  it('answers the signed {} address check with 200 and no handler, and refuses it unsigned', async () => {
    const { webhook, onEvent } = setup()
    const check = await post(webhook, '{}')
    expect(check.push.headers.MD5).toBe('99914b932bd37a50b983c5e7c90ae93b')
    expect([check.response.status, check.text]).toEqual([200, '{}'])
    const unsigned = await webhook.fetch(new Request('http://hook.test', { method: 'POST', body: '{}' }))
    expect(unsigned.status).toBe(401)
    expect(onEvent).not.toHaveBeenCalled()
  })

  it('answers 400 for a signed body that is not a copy, and 405 for GET', async () => {
    const { webhook, onEvent } = setup()
    for (const body of [
      'not json',
      '[1]',
      '{"a":1}',
      '{"eventType":"1"}',
      '{"eventType":"1","convType":"PERSON"}',
    ]) {
      expect((await post(webhook, body)).response.status).toBe(400)
    }
    // Signed over bytes that are not UTF-8.
    const bytes = new Uint8Array([0x7b, 0xff, 0x7d])
    const curTime = String(Date.now())
    const md5 = md5Hex(bytes)
    const CheckSum = await neteaseImCopyCheckSum(credentials.appSecret, md5, curTime)
    const headers = { AppKey: credentials.appKey, CurTime: curTime, MD5: md5, CheckSum }
    const notUtf8 = await webhook.fetch(
      new Request('http://hook.test', { method: 'POST', headers, body: bytes }),
    )
    expect(notUtf8.status).toBe(400)
    expect((await webhook.fetch(new Request('http://hook.test'))).status).toBe(405)
    expect(onEvent).not.toHaveBeenCalled()
  })

  it('takes a failureStatus from 400 to 599 and throws a MsgError for one outside that range', () => {
    for (const failureStatus of [400, 503, 599]) {
      expect(() => createNeteaseImWebhook({ ...credentials, failureStatus })).not.toThrow()
    }
    for (const failureStatus of [200, 700]) {
      const create = () => createNeteaseImWebhook({ ...credentials, failureStatus })
      expect(create).toThrow(MsgError)
      expect(create).toThrow('createNeteaseImWebhook: failureStatus must be an HTTP status from 400 to 599')
    }
  })

  it('throws a MsgError for a missing appKey or appSecret', () => {
    expect(() => createNeteaseImWebhook({ appKey: '', appSecret: 's' })).toThrow(MsgError)
    expect(() => createNeteaseImWebhook({ appKey: 'k', appSecret: '' })).toThrow(MsgError)
    for (const failureStatus of [200, 302, 600, 500.5]) {
      expect(() => createNeteaseImWebhook({ ...credentials, failureStatus })).toThrow(/failureStatus/)
    }
  })
})
