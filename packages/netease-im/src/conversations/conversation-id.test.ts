import { ValidationError } from '@msg/core'
import { describe, expect, it } from 'vitest'
import { conversationId } from './conversation-id.js'

describe('conversationId', () => {
  it('joins sender_id|conversation_type|receiver_id with numeric or named types', () => {
    expect(conversationId({ senderId: 'apifoxtest1', type: 1, receiverId: 'accid4' })).toBe(
      'apifoxtest1|1|accid4',
    )
    expect(conversationId({ senderId: 'a', type: 'p2p', receiverId: 'b' })).toBe('a|1|b')
    expect(conversationId({ senderId: 'a', type: 'team', receiverId: 't1' })).toBe('a|2|t1')
    expect(conversationId({ senderId: 'a', type: 'superteam', receiverId: 's1' })).toBe('a|3|s1')
  })

  it.each([
    [{ senderId: '', type: 1, receiverId: 'b' }, 'senderId', 'must not be empty'],
    [{ senderId: 'a|x', type: 1, receiverId: 'b' }, 'senderId', 'must not contain |'],
    [{ senderId: 'a', type: 1, receiverId: 'b|1|c' }, 'receiverId', 'must not contain |'],
    [{ senderId: 'a', type: 4, receiverId: 'b' }, 'type', 'must be 1, 2, 3, p2p, team or superteam'],
    [{ senderId: 'a', type: 'group', receiverId: 'b' }, 'type', 'must be 1, 2, 3, p2p, team or superteam'],
  ])('rejects %j with a ValidationError', (parts, path, message) => {
    const attempt = () => conversationId(parts as never)
    expect(attempt).toThrow(ValidationError)
    try {
      attempt()
    } catch (error) {
      expect((error as ValidationError).issues).toContainEqual({ path, message })
      expect((error as Error).message).toMatch(/^\[@msg\/netease-im\] conversationId: invalid input/)
    }
  })
})
