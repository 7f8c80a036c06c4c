import {
  AuthError,
  type MsgError,
  NetworkError,
  ResponseError,
  ValidationError,
  VendorError,
} from '@msg/core'
import { describe, expect, it } from 'vitest'
import { createFxiaoke, maxMediaBytes } from '../src/index.js'
import { createFxiaokeFake, type FxiaokeMediaIdField } from '../src/testing/index.js'
import { bmp, credentials, failure, gif, jpeg, png, servedFake } from './rich-fixtures.js'

const { fake, url, client, uploads } = servedFake()

describe('media.upload over HTTP on 127.0.0.1', () => {
  it.each([
    ['Uint8Array', () => png, undefined, 'media.png', 'image/png', png],
    ['ArrayBuffer', () => jpeg.slice().buffer, 'photo.JPG', 'photo.JPG', 'image/jpeg', jpeg],
    ['Blob', () => new Blob([gif]), 'anim.gif', 'anim.gif', 'image/gif', gif],
    ['File (its own name)', () => new File([bmp], 'scan.bmp'), undefined, 'scan.bmp', 'image/bmp', bmp],
  ])(
    '%s: multipart field media, v2 headers, runtime boundary → { mediaId }',
    async (_kind, media, fileName, sentName, type, bytes) => {
      const result = await client().media.upload({ media: media(), ...(fileName ? { fileName } : {}) })
      const [request] = uploads()
      expect(request?.url).toMatch(new RegExp(`^${url()}/media/upload/message\\?thirdTraceId=[0-9a-f-]+$`))
      expect(request?.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/)
      expect(request?.headers).toMatchObject({ 'x-fs-ea': 'fake-ea', 'x-fs-userid': '1000' })
      expect(request?.text).toContain(`Content-Disposition: form-data; name="media"; filename="${sentName}"`)
      expect(fake.uploads).toMatchObject([
        { fileName: sentName, type, convention: 'v2', mediaId: result.mediaId },
      ])
      expect(fake.uploads[0]?.bytes).toEqual(bytes)
      expect(result).toEqual({ mediaId: fake.uploads[0]?.mediaId, traceId: fake.uploads[0]?.traceId })
    },
  )

  it('legacy mode: corpAccessToken and corpId in the query, no auth headers', async () => {
    await client({ authMode: 'legacy' }).media.upload({ media: png })
    const [request] = uploads()
    expect(Object.keys(request?.query ?? {})).toEqual(['thirdTraceId', 'corpAccessToken', 'corpId'])
    expect(request?.query.corpId).toBe('fake-ea')
    expect(request?.headers.authorization).toBeUndefined()
    expect(fake.uploads[0]?.convention).toBe('legacy')
  })

  it('legacy mode: a rejected token is refreshed and the upload made once more, token still in the query', async () => {
    const legacy = client({ authMode: 'legacy' })
    await legacy.media.upload({ media: png })
    fake.inject({ kind: 'token-expired' })
    await legacy.media.upload({ media: png })
    const tokens = uploads().map((request) => request.query.corpAccessToken)
    expect(tokens).toHaveLength(3)
    expect(tokens[2]).not.toBe(tokens[1])
    expect(fake.uploads).toHaveLength(2)
  })

  it('an image of exactly 5 MB is accepted', async () => {
    const media = new Uint8Array(maxMediaBytes)
    media.set(png)
    await client().media.upload({ media })
    expect(fake.uploads[0]?.size).toBe(maxMediaBytes)
  })

  it.each([
    [
      {
        media: (() => {
          const big = new Uint8Array(maxMediaBytes + 1)
          big.set(png)
          return big
        })(),
      },
      'media',
      `at most ${maxMediaBytes} bytes (5 MB), got ${maxMediaBytes + 1}`,
    ],
    [{ media: new TextEncoder().encode('%PDF-1.7') }, 'media', 'must be a JPG, PNG, GIF or BMP image'],
    [{ media: new Uint8Array(0) }, 'media', 'must not be empty'],
    [{ media: 'cover.png' }, 'media', 'must be a Blob, ArrayBuffer or Uint8Array'],
    [{ media: png, fileName: 'cover.txt' }, 'fileName', 'must end in .png: the content is PNG'],
    [{ media: png, fileName: 'cover.jpg' }, 'fileName', 'must end in .png: the content is PNG'],
    [{ media: jpeg, fileName: 'no-extension' }, 'fileName', 'must end in .jpg or .jpeg: the content is JPEG'],
    [{ media: png, fileName: 'a"b.png' }, 'fileName', 'must be a name without CR, LF, ", \\ or /'],
  ])('refuses %#, zero requests', async (input, path, message) => {
    const error = (await failure(client().media.upload(input as never))) as ValidationError
    expect(ValidationError.isInstance(error)).toBe(true)
    expect(error.issues).toEqual([{ path, message }])
    expect(fake.requests).toHaveLength(0)
  })

  it.each([
    ['HTTP 500', { kind: 'html', status: 500 } as const, ResponseError],
    ['system busy (-1)', { kind: 'server-error' } as const, VendorError],
    ['a dropped connection', { kind: 'drop' } as const, NetworkError],
  ])('%s → delivery unknown, never resent', async (_name, fault, kind) => {
    fake.inject(fault, { times: 3 })
    const error = await failure(client().media.upload({ media: png }))
    expect(kind.isInstance(error) && (error as MsgError).delivery).toBe('unknown')
    expect(uploads()).toHaveLength(1)
  })

  it('a rejected token (20016) is refreshed and the upload made once more; a bad one is an AuthError', async () => {
    fake.inject({ kind: 'token-expired' })
    await client().media.upload({ media: png })
    expect(uploads()).toHaveLength(2)
    expect(fake.uploads).toHaveLength(1)
    const revoked = await failure(
      createFxiaoke({
        accessToken: 'revoked',
        ea: 'fake-ea',
        userId: '1000',
        baseURL: url(),
      }).media.upload({ media: png }),
    )
    expect(AuthError.isInstance(revoked)).toBe(true)
  })
})

describe('the media id field (undocumented)', () => {
  it.each(['mediaId', 'media_id', 'data.mediaId', 'data.media_id'] as const)(
    'read from %s',
    async (field) => {
      const other = createFxiaokeFake({ mediaIdField: field })
      const result = await createFxiaoke({ ...credentials, userId: '1000', fetch: other.fetch }).media.upload(
        { media: png },
      )
      expect(result.mediaId).toBe(other.uploads[0]?.mediaId)
    },
  )

  it('none of them → a ResponseError naming what came back, not resent', async () => {
    const other = createFxiaokeFake({ mediaIdField: 'none' as FxiaokeMediaIdField })
    const error = (await failure(
      createFxiaoke({ ...credentials, userId: '1000', fetch: other.fetch }).media.upload({ media: png }),
    )) as ResponseError
    expect(ResponseError.isInstance(error)).toBe(true)
    expect(error.delivery).toBe('unknown')
    expect(error.message).toMatch(
      /success reply without mediaId, media_id, data\.mediaId, data\.media_id; it carried \{"errorCode":0,"errorMessage":"success","traceId":"E-O\.[^"]+"\}$/,
    )
    expect(other.requests.filter((request) => request.path === '/media/upload/message')).toHaveLength(1)
  })
})
