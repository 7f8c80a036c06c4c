import { randomUuid } from '@msg/core'
import { describe, expect, it } from 'vitest'
import { createFxiaoke } from '../fxiaoke-client.js'
import { createFxiaokeFake, invalidParameterCode, tokenLimitCode } from './index.js'

const base = 'https://open.fxiaoke.com'
const credentials = {
  appId: 'FSAID_fake',
  appSecret: 'fake-app-secret',
  permanentCode: 'fake-permanent-code',
}

function post(fake: ReturnType<typeof createFxiaokeFake>, path: string, body: unknown, headers = {}) {
  return fake
    .handle(
      new Request(`${base}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
      }),
    )
    .then(async (response) => ({ status: response.status, body: await response.json() }))
}

async function token(fake: ReturnType<typeof createFxiaokeFake>) {
  const answer = await post(fake, `/oauth2.0/token?thirdTraceId=${randomUuid()}`, {
    ...credentials,
    grantType: 'app_secret',
  })
  return answer.body.accessToken as string
}

const message = { toUser: ['1000'], msgType: 'text', text: { content: 'hi' } }

describe('createFxiaokeFake', () => {
  it('issues v2 tokens in the documented shape, HTTP 200', async () => {
    const fake = createFxiaokeFake()
    const answer = await post(fake, `/oauth2.0/token?thirdTraceId=${randomUuid()}`, {
      ...credentials,
      grantType: 'app_secret',
    })
    expect(answer.status).toBe(200)
    expect(answer.body).toMatchObject({ errorCode: 0, ea: 'fake-ea', appId: 'FSAID_fake', expiresIn: 7200 })
    expect(answer.body.traceId).toMatch(/^E-O\./)
  })

  it(`rejects a token call while another is in flight (${tokenLimitCode}) and counts token calls`, async () => {
    const fake = createFxiaokeFake({ tokenLatencyMs: 20 })
    const answers = await Promise.all(
      [1, 2, 3].map(() =>
        post(fake, `/oauth2.0/token?thirdTraceId=${randomUuid()}`, {
          ...credentials,
          grantType: 'app_secret',
        }),
      ),
    )
    expect(answers.map((answer) => answer.body.errorCode).sort()).toEqual([0, tokenLimitCode, tokenLimitCode])
    expect(fake.tokenCalls).toBe(3)
    expect(fake.concurrentTokenRejections).toBe(2)
  })

  it('allows 10 token calls a minute', async () => {
    const fake = createFxiaokeFake({ tokenLatencyMs: 0 })
    const codes: number[] = []
    for (let index = 0; index < 11; index++) {
      const answer = await post(fake, `/oauth2.0/token?thirdTraceId=${randomUuid()}`, {
        ...credentials,
        grantType: 'app_secret',
      })
      codes.push(answer.body.errorCode)
    }
    expect(codes).toEqual([...Array(10).fill(0), tokenLimitCode])
  })

  it('checks the three headers and a new UUID v4 thirdTraceId on message send', async () => {
    const fake = createFxiaokeFake()
    const accessToken = await token(fake)
    const headers = { authorization: `Bearer ${accessToken}`, 'x-fs-ea': 'fake-ea', 'x-fs-userid': '1000' }
    const path = () => `/cgi/message/send?thirdTraceId=${randomUuid()}`
    const code = async (p: string, h: Record<string, string>, body: unknown = message) =>
      (await post(fake, p, body, h)).body.errorCode
    expect(await code(path(), { ...headers, authorization: 'Bearer nope' })).toBe(20016)
    expect(await code(path(), { ...headers, 'x-fs-ea': 'other' })).toBe(20017)
    expect(await code(path(), { authorization: headers.authorization, 'x-fs-ea': 'fake-ea' })).toBe(
      invalidParameterCode,
    )
    expect(await code('/cgi/message/send?thirdTraceId=not-a-uuid', headers)).toBe(invalidParameterCode)
    expect(await code('/cgi/message/send', headers)).toBe(invalidParameterCode)
    const reused = path()
    expect(await code(reused, headers)).toBe(0)
    expect(await code(reused, headers)).toBe(invalidParameterCode)
    expect(await code(path(), headers, { ...message, toUser: undefined })).toBe(10015)
    expect(await code(path(), headers, { ...message, toUser: [''] })).toBe(11016)
    expect(await code(path(), headers, { ...message, msgType: 'image' })).toBe(11017)
    expect(await code(path(), headers, { ...message, text: { content: '' } })).toBe(12005)
    expect(fake.inbox).toHaveLength(1)
    expect(fake.inbox[0]).toMatchObject({ toUser: ['1000'], userId: '1000', convention: 'v2' })
  })

  it('answers unknown paths with a 404 page and injects vendor faults on sends only by default', async () => {
    const fake = createFxiaokeFake()
    const unknown = await fake.handle(new Request(`${base}/cgi/nope`, { method: 'POST' }))
    expect(unknown.status).toBe(404)
    fake.inject({ kind: 'rate-limit' })
    const client = createFxiaoke({
      ...credentials,
      userId: '1000',
      fetch: fake.fetch,
      retry: { backoffLimit: 1 },
    })
    await client.message.send({ toUser: ['1'], msgType: 'text', text: { content: 'hi' } })
    expect(fake.requests.map((request) => request.path)).toEqual([
      '/cgi/nope',
      '/oauth2.0/token',
      '/cgi/message/send',
      '/cgi/message/send',
    ])
    fake.reset()
    expect([fake.requests.length, fake.inbox.length, fake.tokenCalls]).toEqual([0, 0, 0])
  })

  it('answers the shared fault vocabulary: server-error (delivered or not), code, rate-limit code', async () => {
    const fake = createFxiaokeFake()
    const accessToken = await token(fake)
    const headers = { authorization: `Bearer ${accessToken}`, 'x-fs-ea': 'fake-ea', 'x-fs-userid': '1000' }
    const send = () => post(fake, `/cgi/message/send?thirdTraceId=${randomUuid()}`, message, headers)
    fake.inject({ kind: 'server-error' })
    expect(await send()).toMatchObject({ status: 200, body: { errorCode: -1 } })
    expect(fake.inbox).toHaveLength(0)
    fake.inject({ kind: 'server-error', delivered: true, code: 50009, status: 500 })
    expect(await send()).toMatchObject({ status: 500, body: { errorCode: 50009 } })
    expect(fake.inbox).toHaveLength(1)
    fake.inject({ kind: 'code', code: 30027, msg: 'employee missing', status: 400 })
    expect(await send()).toMatchObject({
      status: 400,
      body: { errorCode: 30027, errorMessage: 'employee missing' },
    })
    fake.inject({ kind: 'rate-limit', code: 14001 })
    expect((await send()).body.errorCode).toBe(14001)
    fake.inject({ kind: 'rate-limit' })
    expect((await send()).body.errorCode).toBe(30004)
    fake.inject({ kind: 'quota-exceeded' })
    expect((await send()).body.errorCode).toBe(30002)
    expect((await send()).body.errorCode).toBe(0)
    expect(fake.inbox).toHaveLength(2)
  })
})
