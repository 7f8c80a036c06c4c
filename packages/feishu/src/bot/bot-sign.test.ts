import { createHmac } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { feishuBotSign, feishuBotTimestamp } from './bot-sign.js'

describe('feishuBotSign', () => {
  it('is Base64(HMAC-SHA256(key = "timestamp\\nsecret", message = "")), as the guide computes it', async () => {
    for (const [timestamp, secret] of [
      ['1599360473', 'demo'],
      ['1700000000', 'qF9xZkT1mV2pL8sN4wR7yH'],
      ['1700000001', '密钥 with spaces'],
    ] as const) {
      const expected = createHmac('sha256', `${timestamp}\n${secret}`).update('').digest('base64')
      expect(await feishuBotSign(timestamp, secret)).toBe(expected)
    }
  })

  it('differs from the common mistake of signing the string with the secret as key', async () => {
    const wrong = createHmac('sha256', 'demo').update('1599360473\ndemo').digest('base64')
    expect(await feishuBotSign('1599360473', 'demo')).not.toBe(wrong)
  })

  it('takes whole Unix seconds as a string', () => {
    expect(feishuBotTimestamp(1_700_000_000_999)).toBe('1700000000')
  })
})
