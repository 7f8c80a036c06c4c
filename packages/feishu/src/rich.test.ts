import { expect, it } from 'vitest'
import { initialLoad } from '../../core/test/initial-load.js'

// What a browser app loads up front, bundled like the size checks do but with code splitting, so
// `import()` targets land in chunks of their own: a text-only app must carry none of the rich code.
// The size check leaves `./rich.js` out of the text-only apps, so this is what fails when a client
// file imports the rich half statically.
const textApp = `
import { createFeishu } from './index.js'
const feishu = createFeishu({ tenantAccessToken: 't-token' })
void feishu.sendText({ chatId: 'oc_chat' }, 'hello')
`
const richOnly = [
  'src/rich.ts',
  'src/im/file-create.ts',
  'src/im/image-create.ts',
  'src/im/message-content-check.ts',
  'src/im/notice-card.ts',
  'src/im/rich-failure.ts',
]

it('sendText loads none of the rich code; sendMessage, uploads and notices load it on first use', async () => {
  const { upFront, dynamic } = await initialLoad(textApp, import.meta.dirname, ['@msg/core', 'valibot'])
  expect(upFront).toEqual(expect.arrayContaining(['src/feishu-client.ts', 'src/feishu-text-channel.ts']))
  expect(upFront.filter((path) => richOnly.includes(path))).toEqual([])
  // The rich code is still part of the app, behind the client's dynamic import.
  expect(dynamic).toHaveLength(1)
  expect(dynamic[0]).toEqual(expect.arrayContaining(richOnly))
})
