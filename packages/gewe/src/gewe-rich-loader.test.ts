import { describe, expect, it, vi } from 'vitest'
import { createRichLoader } from './gewe-rich-loader.js'
import { createGewe } from './index.js'
import { createGeweFake } from './testing/index.js'

const token = 'tok-lazy-0123456789'
const chat = { appId: 'wx_a', toWxid: 'wxid_friend' }
const link = { ...chat, title: 'T', desc: '', linkUrl: 'https://e.com/', thumbUrl: 'https://e.com/t.png' }

describe('createRichLoader', () => {
  it('loads once, on the first rich call, and runs texts at once until then', async () => {
    const load = vi.fn(async () => ({ twice: (n: number) => Promise.resolve(n * 2) }))
    const loader = createRichLoader(load)
    expect(await loader.inOrder(async () => 'text')).toBe('text')
    expect(load).not.toHaveBeenCalled()
    const results = await Promise.all([1, 2].map((n) => loader.withModule((module) => module.twice(n))))
    expect(results).toEqual([2, 4])
    expect(await loader.withModule((module) => module.twice(3))).toBe(6)
    expect(load).toHaveBeenCalledTimes(1)
  })

  it('keeps call order while the module loads: calls after a rich one wait behind it', async () => {
    const order: string[] = []
    const loader = createRichLoader(async () => ({}))
    const track = (name: string) => async () => {
      order.push(name)
    }
    await Promise.all([
      loader.inOrder(track('text 1')),
      loader.withModule(track('rich 2')),
      loader.inOrder(track('text 3')),
      loader.withModule(track('rich 4')),
    ])
    await loader.inOrder(track('text 5'))
    expect(order).toEqual(['text 1', 'rich 2', 'text 3', 'rich 4', 'text 5'])
  })

  it('a failed load rejects the rich calls with its error; texts still go', async () => {
    const failure = new TypeError('Failed to fetch dynamically imported module')
    const loader = createRichLoader(() => Promise.reject(failure))
    const rich = loader.withModule(async () => 'never')
    const text = loader.inOrder(async () => 'text')
    await expect(rich).rejects.toBe(failure)
    expect(await text).toBe('text')
    await expect(loader.withModule(async () => 'never')).rejects.toBe(failure)
  })
})

describe('the client while its rich code loads', () => {
  it('sends in call order across rich and text calls made without waiting', async () => {
    const fake = createGeweFake({ token })
    const client = createGewe({ token, fetch: fake.fetch, pacing: { gapMs: 0, jitterMs: 0 } })
    await Promise.all([
      client.message.postText({ ...chat, content: '1' }),
      client.message.postLink(link),
      client.sendText(chat, '3'),
      client.message.postImage({ ...chat, imgUrl: 'https://e.com/i.png' }),
      client.channel(chat).send('5'),
    ])
    expect(fake.requests.map((request) => request.path.split('/').pop())).toEqual([
      'postText',
      'postLink',
      'postText',
      'postImage',
      'postText',
    ])
    const bodies = fake.requests.map((request) => request.body as { content?: string; title?: string })
    expect(bodies.map((body) => body.content ?? body.title)).toEqual(['1', 'T', '3', undefined, '5'])
  })
})
