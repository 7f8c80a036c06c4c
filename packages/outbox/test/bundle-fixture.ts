import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const packageRoot = fileURLToPath(new URL('..', import.meta.url))

/** Bundles `test/fixtures/<name>.ts` (sources through `@msg/source`) so a plain `node` child can run it. */
export async function bundleFixture(name: string, external: string[]): Promise<string> {
  const outfile = `${packageRoot}.cache/${name}.mjs`
  await build({
    entryPoints: [`${packageRoot}test/fixtures/${name}.ts`],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    conditions: ['@msg/source'],
    external,
    logLevel: 'silent',
  })
  return outfile
}

/** The package folder, the working directory of the fixtures. */
export const outboxRoot = packageRoot
