// The send codes Feishu answers for rich messages: a rate limit, a file_type mismatch, a card that
// does not parse.
import { RateLimitError } from '@msg/core'
import { describe, expect, it } from 'vitest'
import { createFeishu } from '../src/index.js'
import { client, failure, fake, png, serveFake, url } from './rich-fixture.js'

serveFake()

describe('sendMessage over loopback HTTP', () => {
  it('classifies 230020 as a rate limit, and explains 230055 and 230099 card codes', async () => {
    fake.inject({ kind: 'rate-limit', code: 230020 }, { times: 3 })
    const limited = await failure(
      client().sendMessage({ chatId: 'oc_1' }, { msg_type: 'text', content: { text: 'x' } }),
    )
    expect(RateLimitError.isInstance(limited)).toBe(true)
    expect(limited).toMatchObject({ code: 230020, delivery: 'not-sent' })

    // A key uploaded by another client: only Feishu can tell its file_type.
    const other = createFeishu({ appId: fake.appId, appSecret: fake.appSecret, baseURL: url() })
    const opus = await other.im.file.create({ data: { file_type: 'opus', file_name: 'a.opus', file: png } })
    const mismatch = await failure(
      client().sendMessage({ chatId: 'oc_1' }, { msg_type: 'file', content: { file_key: opus.file_key } }),
    )
    expect(mismatch).toMatchObject({ name: 'VendorError', code: 230055, retryable: false })
    expect(String(mismatch)).toMatch(/opus goes as audio, mp4 as media, any other as file/)

    fake.inject({
      kind: 'code',
      code: 230099,
      msg: 'Failed to create card content, ext=ErrCode: 200621; ErrMsg: parse card json err',
    })
    const card = await failure(
      client().sendMessage(
        { chatId: 'oc_1' },
        { msg_type: 'interactive', content: { schema: '2.0', body: { elements: [] } } },
      ),
    )
    expect(card).toMatchObject({ code: 230099, details: { card_code: 200621 } })
    expect(String(card)).toMatch(/card error 200621: card JSON does not parse/)
  })
})
