import { type ServedHandler, serve } from '@msg/core/testing'
import { afterAll, beforeAll } from 'vitest'
import { createFeishuFake } from '../src/testing/index.js'
import { doneWhenSuite } from './done-when-suite.js'

const fake = createFeishuFake()
let served: ServedHandler

beforeAll(async () => {
  served = await serve(fake.handle)
})
afterAll(() => served.close())

doneWhenSuite('loopback HTTP', () => ({ fake, settings: { baseURL: served.url } }))
