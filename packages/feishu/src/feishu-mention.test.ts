import { describe, expect, it } from 'vitest'
import { mention, mentionAll } from './feishu-mention.js'

describe('mention', () => {
  it('builds <at> markup with an optional name', () => {
    expect(mention('ou_88a56e7e8e9f680b682f6905cc09098e', 'test')).toBe(
      '<at user_id="ou_88a56e7e8e9f680b682f6905cc09098e">test</at>',
    )
    expect(mention('ou_a')).toBe('<at user_id="ou_a"></at>')
    expect(mentionAll()).toBe('<at user_id="all"></at>')
  })

  it('escapes the name and the id so they cannot close or open tags', () => {
    expect(mention('ou_a', '</at><at user_id="all"></at>')).toBe(
      '<at user_id="ou_a">&lt;/at&gt;&lt;at user_id=&quot;all&quot;&gt;&lt;/at&gt;</at>',
    )
    expect(mention('ou_a" x="1', "Tom & Jerry's")).toBe(
      '<at user_id="ou_a&quot; x=&quot;1">Tom &amp; Jerry&#39;s</at>',
    )
  })
})
