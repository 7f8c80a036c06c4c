import { ValidationError } from '@msg/core'
import { createFeishu } from '@msg/feishu'
import { createFeishuFake } from '@msg/feishu/testing'
import { createNeteaseIm } from '@msg/netease-im'
import { createNeteaseImFake } from '@msg/netease-im/testing'
import { describe, expect, it } from 'vitest'

/**
 * Found by the fuzzer: ids that go into a URL path were passed to `encodeURIComponent` without being
 * validated as well-formed UTF-16, so a lone surrogate threw `URIError` instead of a `ValidationError`.
 * These pin the fix.
 */
describe('ids with lone surrogates are ValidationErrors (fuzzer finding, fixed)', () => {
  const feishuFake = createFeishuFake()
  const feishu = createFeishu({
    appId: feishuFake.appId,
    appSecret: feishuFake.appSecret,
    fetch: feishuFake.fetch,
  })
  const neteaseFake = createNeteaseImFake()
  const netease = createNeteaseIm({
    appKey: 'test-app-key',
    appSecret: 'test-app-secret',
    fetch: neteaseFake.fetch,
  })
  const text = { msg_type: 'text' as const, content: '{"text":"x"}' }

  it('feishu sendText: a replyTo with a lone surrogate is a ValidationError', async () => {
    await expect(feishu.sendText({ chatId: 'oc_1', replyTo: 'om_\udc00' }, 'x')).rejects.toBeInstanceOf(
      ValidationError,
    )
  })

  it('feishu im.message.reply: a message_id with a lone surrogate is a ValidationError', async () => {
    await expect(
      feishu.im.message.reply({ path: { message_id: 'om_\ud800' }, data: text }),
    ).rejects.toBeInstanceOf(ValidationError)
  })

  it('netease-im sendText: a from with a lone surrogate is a ValidationError', async () => {
    await expect(netease.sendText({ from: '\ud800', to: 'b', type: 'p2p' }, 'x')).rejects.toBeInstanceOf(
      ValidationError,
    )
  })

  it('netease-im conversation.sendMessage: a conversation id with a lone surrogate is a ValidationError', async () => {
    await expect(
      netease.conversation.sendMessage('a\ud800|1|b', { message: { message_type: 0, text: 'x' } }),
    ).rejects.toBeInstanceOf(ValidationError)
  })

  it('nothing reached either fake', () => {
    expect(feishuFake.requests.filter((request) => request.path.includes('/reply'))).toHaveLength(0)
    expect(neteaseFake.requests).toHaveLength(0)
  })
})
