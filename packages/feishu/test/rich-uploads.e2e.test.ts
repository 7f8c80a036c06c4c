// Image and file uploads over loopback HTTP: multipart bodies, names, and when an upload is resent.
import { TimeoutError, VendorError } from '@msg/core'
import { describe, expect, it } from 'vitest'
import { client, failure, fake, png, serveFake, uploads } from './rich-fixture.js'

serveFake()

describe('uploads over loopback HTTP', () => {
  it('uploads an image as a Blob, an ArrayBuffer and a Uint8Array: multipart with a runtime boundary', async () => {
    const blob = new Blob([png], { type: 'image/png' })
    const keys = [
      await client().im.image.create({ data: { image_type: 'message', image: blob } }),
      await client().im.image.create({ data: { image_type: 'message', image: png.slice().buffer } }),
      await client().im.image.create({ data: { image_type: 'avatar', image: png } }),
    ]
    for (const data of keys) expect(data).toEqual({ image_key: expect.stringMatching(/^img_v2_/) })
    expect(fake.uploads.map((upload) => upload.key)).toEqual(keys.map((data) => data.image_key))
    expect(fake.uploads.map((upload) => upload.fields)).toEqual([
      { image_type: 'message' },
      { image_type: 'message' },
      { image_type: 'avatar' },
    ])
    for (const upload of fake.uploads) expect(upload.bytes).toEqual(png)
    expect(fake.uploads[0]?.type).toBe('image/png')
    const [request] = uploads()
    expect(request?.headers['content-type']).toMatch(/^multipart\/form-data; boundary=\S+$/)
    expect(request?.headers.authorization).toBe(`Bearer ${fake.issuedTokens[0]}`)
    // Text fields go before the file.
    expect(request?.text.indexOf('name="image_type"')).toBeLessThan(
      request?.text.indexOf('name="image"') ?? 0,
    )
  })

  it('uploads a file with a Chinese name as raw UTF-8 (never percent-encoded), with duration', async () => {
    const name = '季度报告 2026.pdf'
    const inputs = [new Blob([png]), png.slice().buffer, png]
    for (const file of inputs) {
      const data = await client().im.file.create({ data: { file_type: 'pdf', file_name: name, file } })
      expect(data.file_key).toMatch(/^file_v2_/)
    }
    await client().im.file.create({
      data: { file_type: 'opus', file_name: '语音.opus', duration: 3000, file: png },
    })
    expect(fake.uploads.map((upload) => upload.filename)).toEqual([name, name, name, '语音.opus'])
    expect(fake.uploads.map((upload) => upload.fields.file_name)).toEqual([name, name, name, '语音.opus'])
    expect(fake.uploads[3]?.fields).toEqual({ file_type: 'opus', file_name: '语音.opus', duration: '3000' })
    expect(uploads()[0]?.text).toContain(`filename="${name}"`)
    expect(uploads()[0]?.text).not.toContain('%E5')
  })

  it('never resends an upload after a 500: delivery unknown, one request', async () => {
    fake.inject({ kind: 'server-error', delivered: true })
    const error = await failure(client().im.image.create({ data: { image_type: 'message', image: png } }))
    expect(VendorError.isInstance(error)).toBe(true)
    expect(error).toMatchObject({ status: 500, delivery: 'unknown' })
    expect(uploads()).toHaveLength(1)
    expect(fake.uploads).toHaveLength(1)
  })

  it('never resends an upload after a timeout', async () => {
    await client().sendText({ chatId: 'oc_1' }, 'fetches the token first')
    fake.inject({ kind: 'delay', ms: 100 })
    const error = await failure(
      client().im.file.create(
        { data: { file_type: 'stream', file_name: 'a.bin', file: png } },
        { timeout: 20 },
      ),
    )
    expect(TimeoutError.isInstance(error)).toBe(true)
    expect(error).toMatchObject({ delivery: 'unknown' })
    expect(uploads()).toHaveLength(1)
  })

  it('retries an upload Feishu did not process (rate limit), sending the whole file again', async () => {
    fake.inject({ kind: 'rate-limit', resetSeconds: 0 })
    await client().im.image.create({ data: { image_type: 'message', image: png } })
    expect(uploads()).toHaveLength(2)
    expect(fake.uploads).toHaveLength(1)
    expect(fake.uploads[0]?.bytes).toEqual(png)
  })

  it('explains upload refusals by code', async () => {
    fake.inject({ kind: 'code', code: 234006, msg: 'The file size exceed the max value.' })
    const error = await failure(client().im.image.create({ data: { image_type: 'message', image: png } }))
    expect(error).toMatchObject({ name: 'VendorError', code: 234006, retryable: false, delivery: 'not-sent' })
    expect(String(error)).toMatch(/too large \(images 10 MB, files 30 MB\)/)
  })
})
