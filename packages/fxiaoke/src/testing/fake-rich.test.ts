import { randomUuid } from '@msg/core'
import { describe, expect, it } from 'vitest'
import { createFxiaokeFake, invalidParameterCode } from './index.js'

const base = 'https://open.fxiaoke.com'
const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

async function setup() {
  const fake = createFxiaokeFake()
  const issued = await fake.handle(
    new Request(`${base}/oauth2.0/token?thirdTraceId=${randomUuid()}`, {
      method: 'POST',
      body: JSON.stringify({
        appId: 'FSAID_fake',
        appSecret: 'fake-app-secret',
        permanentCode: 'fake-permanent-code',
        grantType: 'app_secret',
      }),
    }),
  )
  const { accessToken } = (await issued.json()) as { accessToken: string }
  const headers = { authorization: `Bearer ${accessToken}`, 'x-fs-ea': 'fake-ea', 'x-fs-userid': '1000' }
  const call = async (path: string, body: BodyInit, extra: Record<string, string> = {}) => {
    const response = await fake.handle(
      new Request(`${base}${path}?thirdTraceId=${randomUuid()}`, {
        method: 'POST',
        headers: { ...headers, ...extra },
        body,
      }),
    )
    return (await response.json()) as Record<string, unknown>
  }
  const send = (body: unknown) => call('/cgi/message/send', JSON.stringify(body))
  const upload = (name: string, file: Blob, fileName: string) => {
    const form = new FormData()
    form.append(name, file, fileName)
    return call('/media/upload/message', form)
  }
  return { fake, send, upload, call }
}

const card = { head: { title: 'h' }, link: { title: 'l', url: 'https://example.com' } }
const article = (coverImage: string) => ({ title: 't', coverImage, type: 'TEXT', content: 'c' })

describe('the fake: composite and articles', () => {
  it('accepts a composite card and records it', async () => {
    const { fake, send } = await setup()
    const answer = await send({ toUser: ['1'], msgType: 'composite', composite: card })
    expect(answer.errorCode).toBe(0)
    expect(fake.inbox).toMatchObject([{ msgType: 'composite', composite: card, toUser: ['1'] }])
    expect(fake.inbox[0]?.text).toBeUndefined()
  })

  it.each([
    [{ msgType: 'composite' }, 12004],
    [{ msgType: 'composite', composite: { ...card, head: {} } }, invalidParameterCode],
    [
      { msgType: 'composite', composite: { head: { title: 'h' }, link: { title: 'l' } } },
      invalidParameterCode,
    ],
    [{ msgType: 'composite', composite: { ...card, form: [{ label: 'x' }] } }, invalidParameterCode],
    [{ msgType: 'articles' }, 12004],
    [{ msgType: 'articles', articles: [] }, invalidParameterCode],
    [{ msgType: 'articles', articles: [article('never-issued')] }, invalidParameterCode],
    [{ msgType: 'image' }, 11017],
  ])('refuses %j with %i', async (body, code) => {
    const { fake, send } = await setup()
    expect((await send({ toUser: ['1'], ...body })).errorCode).toBe(code)
    expect(fake.inbox).toHaveLength(0)
  })

  it('refuses more than 500 recipients per call (11016)', async () => {
    const { send } = await setup()
    const toUser = Array.from({ length: 501 }, (_, index) => `${index}`)
    expect((await send({ toUser, msgType: 'composite', composite: card })).errorCode).toBe(11016)
  })

  it('articles: 1 to 7 with a media id it issued, title ≤ 45, author ≤ 8, description ≤ 140', async () => {
    const { send, upload } = await setup()
    const { mediaId } = (await upload('media', new Blob([png]), 'a.png')) as { mediaId: string }
    const ok = article(mediaId)
    const answers = await Promise.all(
      [
        [ok],
        Array(7).fill(ok),
        Array(8).fill(ok),
        [{ ...ok, title: 'x'.repeat(46) }],
        [{ ...ok, author: 'x'.repeat(9) }],
        [{ ...ok, description: 'x'.repeat(141) }],
        [{ ...ok, type: 'LINK' }],
      ].map((articles) => send({ toUser: ['1'], msgType: 'articles', articles })),
    )
    expect(answers.map((answer) => answer.errorCode)).toEqual([0, 0, 15002, 15002, 15002, 15002, 15002])
  })
})

describe('the fake: /media/upload/message', () => {
  it('issues a media id for the multipart field media and records the file', async () => {
    const { fake, upload } = await setup()
    const answer = await upload('media', new Blob([png], { type: 'image/png' }), 'a.png')
    expect(answer).toMatchObject({ errorCode: 0, mediaId: fake.uploads[0]?.mediaId })
    expect(fake.uploads[0]).toMatchObject({ fileName: 'a.png', type: 'image/png', size: 8, convention: 'v2' })
    expect([...(fake.uploads[0]?.bytes ?? [])]).toEqual([...png])
  })

  it.each([
    ['another field name', 'file', 'a.png', new Blob([png])],
    ['an unlisted extension', 'media', 'a.webp', new Blob([png])],
    ['an empty file', 'media', 'a.png', new Blob([])],
    ['more than 5 MB', 'media', 'a.png', new Blob([new Uint8Array(5 * 1024 * 1024 + 1)])],
  ])('refuses %s (15002)', async (_name, field, fileName, file) => {
    const { fake, upload } = await setup()
    expect((await upload(field, file, fileName)).errorCode).toBe(invalidParameterCode)
    expect(fake.uploads).toHaveLength(0)
  })

  it('refuses a JSON body, a bad token (20016) and a missing x-fs-userid', async () => {
    const { call } = await setup()
    const form = () => {
      const body = new FormData()
      body.append('media', new Blob([png]), 'a.png')
      return body
    }
    expect(
      (await call('/media/upload/message', '{}', { 'content-type': 'application/json' })).errorCode,
    ).toBe(invalidParameterCode)
    expect((await call('/media/upload/message', form(), { authorization: 'Bearer nope' })).errorCode).toBe(
      20016,
    )
    expect((await call('/media/upload/message', form(), { 'x-fs-userid': '' })).errorCode).toBe(
      invalidParameterCode,
    )
  })
})
