import { expect, it } from 'vitest'
import { initialLoad } from '../../core/test/initial-load.js'

// What a browser app loads up front, bundled like the size checks do but with code splitting, so
// `import()` targets land in chunks of their own: a text-only app must carry none of the rich code.
const textApp = `
import { createFxiaoke } from './index.js'
const fxiaoke = createFxiaoke({ accessToken: 'token', ea: 'ea', userId: 'FSUID_sender' })
void fxiaoke.sendText({ toUser: ['FSUID_friend'] }, 'hello')
`
const richOnly = [
  'src/rich.ts',
  'src/message/send.ts',
  'src/message/notice-composite.ts',
  'src/message/message-schema.ts',
  'src/media/upload.ts',
  'src/media/media-format.ts',
]

it('sendText loads none of the rich code; message.send, media.upload and notices load it on first use', async () => {
  const { upFront, dynamic } = await initialLoad(textApp, import.meta.dirname, ['@msg/core', 'valibot'])
  expect(upFront).toEqual(expect.arrayContaining(['src/fxiaoke-client.ts', 'src/fxiaoke-text-channel.ts']))
  expect(upFront.filter((path) => richOnly.includes(path))).toEqual([])
  // The rich code is still part of the app, behind the client's dynamic import.
  expect(dynamic).toHaveLength(1)
  expect(dynamic[0]).toEqual(expect.arrayContaining(richOnly))
})
