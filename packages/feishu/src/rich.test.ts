import { build } from 'esbuild'
import { expect, it } from 'vitest'

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
  const result = await build({
    stdin: { contents: textApp, resolveDir: import.meta.dirname, loader: 'ts', sourcefile: 'text-app.ts' },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    outdir: 'out',
    write: false,
    metafile: true,
    external: ['@msg/core', 'valibot'],
    logLevel: 'silent',
  })
  const { outputs } = result.metafile
  const modulesOf = (file: string) =>
    Object.keys(outputs[file]?.inputs ?? {}).map((path) => path.slice(path.indexOf('src/')))
  const entry = Object.keys(outputs).find((file) => outputs[file]?.entryPoint !== undefined)
  if (!entry) throw new Error('no entry chunk')
  // The entry and every chunk it imports statically, transitively: what loads before the first call.
  const loaded = new Set([entry])
  for (const file of loaded)
    for (const item of outputs[file]?.imports ?? [])
      if (item.kind === 'import-statement' && item.path in outputs) loaded.add(item.path)
  const upFront = [...loaded].flatMap(modulesOf)
  expect(upFront).toEqual(expect.arrayContaining(['src/feishu-client.ts', 'src/feishu-text-channel.ts']))
  expect(upFront.filter((path) => richOnly.includes(path))).toEqual([])
  // The rich code is still part of the app, behind the client's dynamic import.
  const dynamic = (outputs[entry]?.imports ?? []).filter((item) => item.kind === 'dynamic-import')
  expect(dynamic).toHaveLength(1)
  expect(modulesOf(dynamic[0]?.path ?? '')).toEqual(expect.arrayContaining(richOnly))
})
