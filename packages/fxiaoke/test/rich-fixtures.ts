// Shared by the rich-message end-to-end tests: a fake served on 127.0.0.1, clients of it, sample images.
import { type ServedHandler, serve } from '@msg/core/testing'
import { afterAll, afterEach, beforeAll, expect } from 'vitest'
import { createFxiaoke, type FxiaokeSettings } from '../src/index.js'
import { createFxiaokeFake } from '../src/testing/index.js'

export const uuidV4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
export const credentials = {
  appId: 'FSAID_fake',
  appSecret: 'fake-app-secret',
  permanentCode: 'fake-permanent-code',
}
export const png = new Uint8Array([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82,
])
export const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 74, 70, 73, 70])
export const gif = new TextEncoder().encode('GIF89a\u0001\u0000\u0001\u0000')
export const bmp = new TextEncoder().encode('BM\u0036\u0000\u0000\u0000')

/** The outcome of a promise that must fail. */
export const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.fail('expected a failure'),
    (error: unknown) => error,
  )

/** A fake served on 127.0.0.1 for the calling test file, reset after every test. */
export function servedFake() {
  const fake = createFxiaokeFake()
  let served: ServedHandler
  beforeAll(async () => {
    served = await serve(fake.handle)
  })
  afterAll(() => served.close())
  afterEach(() => fake.reset())
  return {
    fake,
    url: () => served.url,
    client: (extra: Partial<FxiaokeSettings> = {}) =>
      createFxiaoke({
        ...credentials,
        userId: '1000',
        baseURL: served.url,
        retry: { limit: 2, backoffLimit: 1 },
        ...extra,
      } as FxiaokeSettings),
    sends: () => fake.requests.filter((request) => request.path === '/cgi/message/send'),
    uploads: () => fake.requests.filter((request) => request.path === '/media/upload/message'),
  }
}
