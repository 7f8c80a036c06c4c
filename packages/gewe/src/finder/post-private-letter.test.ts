import { ValidationError } from '@msg/core'
import { describe, expect, it } from 'vitest'
import { createGewe } from '../index.js'
import { createGeweFake } from '../testing/index.js'

const token = 'tok-0123456789abcdef'
const example = {
  appId: 'wx_app_1',
  content: '文本',
  msgSessionId: '3eab1521919d4531c83a166faa56cf844737c4a295b127f3edcb68ed4375d049@findermsg',
  myUserName: 'v2_060000231003b20faec8c7e28811c4d5cc0ded37b0779c48c759a7446a87688c2774e5300c32@finder',
  toUserName: 'v2_060000231003b20faec8c6e18f10c7d6c903ec3db0776955d3d97c6b329d6aa58693bcdb7ad1@finder',
}

function setup(ids: string[] = [], settings: Record<string, unknown> = {}) {
  const fake = createGeweFake({ token, ...(ids.length ? { newMsgId: () => ids.shift()! } : {}) })
  const client = createGewe({ token, fetch: fake.fetch, pacing: false, ...settings })
  return { fake, client }
}

describe('finder.postPrivateLetter (the documented example)', () => {
  it('POSTs exactly the documented example body to {base}/finder/postPrivateLetter with X-GEWE-TOKEN', async () => {
    const { fake, client } = setup()
    await client.finder.postPrivateLetter(example)
    expect(fake.requests).toHaveLength(1)
    const [request] = fake.requests
    expect(request?.method).toBe('POST')
    expect(request?.path).toBe('/gewe/v2/api/finder/postPrivateLetter')
    expect(request?.headers['x-gewe-token']).toBe(token)
    expect(request?.headers['content-type']).toMatch(/^application\/json/)
    expect(request?.body).toStrictEqual(example)
    expect(Object.keys(request?.body as object).sort()).toEqual(
      ['appId', 'content', 'msgSessionId', 'myUserName', 'toUserName'].sort(),
    )
    expect(fake.inbox).toMatchObject([
      { path: '/finder/postPrivateLetter', to: example.toUserName, content: '文本' },
    ])
  })

  it('sends proxyIp only when configured', async () => {
    const { fake, client } = setup([], { proxyIp: '' })
    await client.finder.postPrivateLetter(example)
    expect(fake.requests[0]?.body).toStrictEqual({ ...example, proxyIp: '' })
  })

  it.each([
    '243683914400108297',
    '14264358459626428566',
    '208008054840614808',
    '7773749793478223190',
    '18446744073709551615',
  ])('returns newMsgId %s with every digit (raw JSON number on the wire)', async (id) => {
    const { client } = setup([id])
    const raw = await (
      await createGeweFake({ token, newMsgId: () => id }).fetch(
        'http://x/gewe/v2/api/finder/postPrivateLetter',
        { method: 'POST', headers: { 'x-gewe-token': token }, body: JSON.stringify(example) },
      )
    ).text()
    expect(raw).toContain(`"newMsgId":${id}}`)
    await expect(client.finder.postPrivateLetter(example)).resolves.toStrictEqual({ newMsgId: id })
  })

  it('turns a safe-integer newMsgId into a string too', async () => {
    const { client } = setup(['12345'])
    await expect(client.finder.postPrivateLetter(example)).resolves.toStrictEqual({ newMsgId: '12345' })
  })

  it.each(['appId', 'content', 'toUserName', 'myUserName', 'msgSessionId'] as const)(
    'rejects an empty or missing %s with nothing sent',
    async (field) => {
      const { fake, client } = setup()
      const empty = client.finder.postPrivateLetter({ ...example, [field]: '' })
      await expect(empty).rejects.toSatisfy(
        (error: ValidationError) =>
          ValidationError.isInstance(error) &&
          error.delivery === 'not-sent' &&
          error.issues.some((issue) => issue.path === field && issue.message === 'must not be empty'),
      )
      const { [field]: _removed, ...missing } = example
      await expect(client.finder.postPrivateLetter(missing as typeof example)).rejects.toBeInstanceOf(
        ValidationError,
      )
      expect(fake.requests).toHaveLength(0)
    },
  )
})
