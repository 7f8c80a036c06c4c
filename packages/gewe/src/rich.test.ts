import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('..', import.meta.url))

/**
 * Bundles `contents` as an app (core and valibot left out, code split) → the source files its entry
 * loads up front (its own chunk and the chunks it imports statically) and those it loads with `import()`.
 */
async function bundle(contents: string) {
  const { metafile } = await build({
    stdin: { contents, resolveDir: root, loader: 'ts' },
    absWorkingDir: root,
    bundle: true,
    splitting: true,
    format: 'esm',
    outdir: 'out',
    write: false,
    metafile: true,
    external: ['@msg/core', 'valibot'],
    logLevel: 'silent',
  })
  const outputs = metafile.outputs
  const entry = Object.keys(outputs).find((path) => outputs[path]?.entryPoint !== undefined)!
  const upFront = new Set<string>()
  const visit = (path: string) => {
    if (upFront.has(path) || !outputs[path]) return
    upFront.add(path)
    for (const item of outputs[path].imports) if (item.kind === 'import-statement') visit(item.path)
  }
  visit(entry)
  const inputsOf = (paths: string[]) => paths.flatMap((path) => Object.keys(outputs[path]?.inputs ?? {}))
  const dynamic = outputs[entry]!.imports.filter((item) => item.kind === 'dynamic-import').map(
    (item) => item.path,
  )
  return { upFront: inputsOf([...upFront]), onFirstUse: inputsOf(dynamic) }
}

describe('the rich half loads on first use', () => {
  it('a text-only app carries no rich code in its entry: rich.ts and the rich rules sit behind import()', async () => {
    const { upFront, onFirstUse } = await bundle(
      "import { createGewe } from './src/index.ts'\n" +
        "void createGewe({ token: 't' }).sendText({ appId: 'a', toWxid: 'b' }, 'hi')\n",
    )
    expect(upFront).toEqual(expect.arrayContaining(['src/gewe-client.ts', 'src/message/post-text.ts']))
    expect(
      upFront.filter((input) => /src\/rich\.ts|post-link|post-message|revoke-msg|forward-/.test(input)),
    ).toEqual([])
    expect(onFirstUse).toEqual(
      expect.arrayContaining(['src/rich.ts', 'src/message/post-link.ts', 'src/message/revoke-msg.ts']),
    )
  })
})
