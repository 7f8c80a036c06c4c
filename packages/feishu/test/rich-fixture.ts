// Shared by the rich-message end-to-end tests: one Feishu fake served on 127.0.0.1 per test file,
// emptied before every test, and a fresh client of it per test (its own token, its own memory of
// the keys it uploaded).
import { type ServedHandler, serve } from '@msg/core/testing'
import { afterAll, beforeAll, beforeEach } from 'vitest'
import { createFeishu, type FeishuClient } from '../src/index.js'
import { createFeishuFake } from '../src/testing/index.js'

/**
 * The first bytes of a PNG, then a few more: a small image every upload test sends.
 * @see https://open.feishu.cn/document/server-docs/im-v1/image/create
 */
export const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3])

/**
 * One MiB, the unit of Feishu's upload limits (images 10 MB, files 30 MB).
 * @see https://open.feishu.cn/document/server-docs/im-v1/file/create
 */
export const mb = 1024 * 1024

/**
 * The fake every rich test file serves; it records requests, uploads and the messages it took in.
 * @see https://open.feishu.cn/document/server-docs/im-v1/message/create
 */
export const fake = createFeishuFake()

let served: ServedHandler
let current: FeishuClient

/**
 * Serves {@link fake} for the calling test file; before every test empties it and makes a fresh
 * client with a small, fast retry budget.
 * @see https://open.feishu.cn/document/server-docs/im-v1/message/create
 */
export function serveFake(): void {
  beforeAll(async () => {
    served = await serve(fake.handle)
  })
  afterAll(() => served.close())
  beforeEach(() => {
    fake.reset()
    current = createFeishu({
      appId: fake.appId,
      appSecret: fake.appSecret,
      baseURL: served.url,
      retry: { limit: 2, backoffLimit: 5 },
    })
  })
}

/**
 * The client of the running test, made by {@link serveFake} before it.
 * @see https://open.feishu.cn/document/server-docs/im-v1/message/create
 */
export const client = (): FeishuClient => current

/**
 * The base URL the fake is served at, for a second client the test makes itself.
 * @see https://open.feishu.cn/document/server-docs/im-v1/message/create
 */
export const url = (): string => served.url

/**
 * The requests that sent or replied to a message.
 * @see https://open.feishu.cn/document/server-docs/im-v1/message/create
 */
export const sends = () =>
  fake.requests.filter((request) => request.path.startsWith('/open-apis/im/v1/messages'))

/**
 * The requests that uploaded an image or a file.
 * @see https://open.feishu.cn/document/server-docs/im-v1/image/create
 */
export const uploads = () =>
  fake.requests.filter((request) => /^\/open-apis\/im\/v1\/(images|files)$/.test(request.path))

/**
 * What a promise rejected with (undefined when it resolved), for assertions on the error.
 * @see https://open.feishu.cn/document/server-docs/api-call-guide/generic-error-code
 */
export const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error,
  )
