import { readFileSync } from 'node:fs'
import { ValidationError } from '@msg/core'
import { describe, expect, it } from 'vitest'
import { setup } from '../test/setup.js'

const source = new URL('./', import.meta.url)

// The modules `src/index.ts` loads statically: `import … from` and `export … from`, not `import type`
// (erased) nor `import()` (loaded on first use).
function staticGraph(entry: string): Set<string> {
  const seen = new Set<string>()
  const visit = (file: string) => {
    if (seen.has(file)) return
    seen.add(file)
    const text = readFileSync(new URL(file, source), 'utf8')
    // Each statement up to its own `from '…'` (no semicolons in this code base).
    for (const [statement, specifier] of text.matchAll(
      /^(?:import|export)(?:(?! from ')[\s\S])*? from '([^']+)'/gm,
    ))
      if (!/^(import|export) type /.test(statement) && specifier?.startsWith('.'))
        visit(
          new URL(specifier.replace(/\.js$/, '.ts'), new URL(file, source)).href.slice(source.href.length),
        )
  }
  visit(entry)
  return seen
}

describe('the rich half loads on first use', () => {
  it('keeps rich.ts and the full message checks out of what the entry loads statically', () => {
    const graph = staticGraph('index.ts')
    expect(graph).toContain('netease-im-client.ts')
    expect(graph).toContain('netease-im-text-channel.ts')
    expect(graph).toContain('conversations/post-message.ts')
    for (const rich of [
      'rich.ts',
      'conversations/send-message.ts',
      'conversations/send-message-schema.ts',
      'conversations/message-schema.ts',
      'conversations/attachment-schema.ts',
      'conversations/send-batch-messages.ts',
      'conversations/recall-message.ts',
      // `@msg/netease-im/md5` (and @noble/hashes behind it) is its own entry, never the main one's.
      'md5.ts',
    ])
      expect(graph).not.toContain(rich)
    expect(readFileSync(new URL('netease-im-client.ts', source), 'utf8')).toContain("import('./rich.js')")
    expect(staticGraph('rich.ts')).toContain('conversations/message-schema.ts')
  })

  it('reports a bad text from sendText exactly as conversation.sendMessage does, sending nothing', async () => {
    const { fake, client } = setup({ textLimit: 3 })
    const target = { from: 'a', to: 'b', type: 'p2p' } as const
    for (const text of ['', 'four', 7 as unknown as string]) {
      const viaText = await client.sendText(target, text).catch((error: unknown) => error)
      const viaSend = await client.conversation
        .sendMessage('a|1|b', { message: { message_type: 0, text } })
        .catch((error: unknown) => error)
      expect(viaText).toBeInstanceOf(ValidationError)
      expect((viaText as ValidationError).message).toBe((viaSend as ValidationError).message)
      expect((viaText as ValidationError).issues).toEqual((viaSend as ValidationError).issues)
    }
    expect(fake.requests).toHaveLength(0)
  })

  it('loads the rich code once and serves every rich method through it', async () => {
    const { fake, client } = setup()
    const sent = await client.conversation.sendMessage('alice|1|bob', {
      message: { message_type: 4, attachment: { title: 'here', lat: 30.2, lng: 120.1 } },
    })
    expect(sent.message_server_id).toBe('9007199254740993')
    await client.conversation.recallMessage('alice|1|bob', '9007199254740993', { type: 2 })
    expect(fake.requests.map((request) => request.method)).toEqual(['POST', 'DELETE'])
  })
})
