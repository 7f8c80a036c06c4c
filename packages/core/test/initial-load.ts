// What a browser app loads before its first call, for the vendor packages' lazy-loading tests:
// bundled as the size checks do, but with code splitting, so `import()` targets land in chunks of
// their own.
import { build } from 'esbuild'

/**
 * Bundles `source` (resolved from `resolveDir`) and returns the source modules (`src/…`) in the
 * entry chunk and every chunk it imports statically, and those of each chunk it imports dynamically.
 */
export async function initialLoad(
  source: string,
  resolveDir: string,
  external: string[],
): Promise<{ upFront: string[]; dynamic: string[][] }> {
  const result = await build({
    stdin: { contents: source, resolveDir, loader: 'ts', sourcefile: 'app.ts' },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    outdir: 'out',
    write: false,
    metafile: true,
    external,
    logLevel: 'silent',
  })
  const { outputs } = result.metafile
  const modulesOf = (file: string) =>
    Object.keys(outputs[file]?.inputs ?? {}).map((path) => path.slice(path.indexOf('src/')))
  const entry = Object.keys(outputs).find((file) => outputs[file]?.entryPoint !== undefined)
  if (!entry) throw new Error('no entry chunk')
  // The entry and every chunk it imports statically, transitively.
  const loaded = new Set([entry])
  for (const file of loaded)
    for (const item of outputs[file]?.imports ?? [])
      if (item.kind === 'import-statement' && item.path in outputs) loaded.add(item.path)
  const dynamic = (outputs[entry]?.imports ?? []).filter((item) => item.kind === 'dynamic-import')
  return { upFront: [...loaded].flatMap(modulesOf), dynamic: dynamic.map((item) => modulesOf(item.path)) }
}
