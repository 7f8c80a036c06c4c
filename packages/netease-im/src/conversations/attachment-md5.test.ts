import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { setup } from '../../test/setup.js'
import { attachmentMd5 } from '../md5/index.js'

describe('attachmentMd5', () => {
  const bytes = new TextEncoder().encode('GIF89a, or any file')
  const expected = createHash('md5').update(bytes).digest('hex')

  it('is the lowercase hex MD5 of Uint8Array, ArrayBuffer or UTF-8 string input', () => {
    expect(attachmentMd5(bytes)).toBe(expected)
    expect(attachmentMd5(bytes.slice().buffer)).toBe(expected)
    expect(attachmentMd5('GIF89a, or any file')).toBe(expected)
    expect(attachmentMd5(new Uint8Array())).toBe('d41d8cd98f00b204e9800998ecf8427e')
  })

  it('hashes only the viewed bytes of a subarray', () => {
    const padded = new Uint8Array([0, ...bytes, 0])
    expect(attachmentMd5(padded.subarray(1, -1))).toBe(expected)
  })

  it('passes the attachment check and goes out as given', async () => {
    const { fake, client } = setup()
    const url = 'https://cdn.example.com/f.gif'
    await client.conversation.sendMessage('a|1|b', {
      message: { message_type: 1, attachment: { url, md5: attachmentMd5(bytes), size: bytes.byteLength } },
    })
    expect(fake.inbox[0]?.message.attachment).toEqual({ url, md5: expected, size: bytes.byteLength })
  })
})
