import { build } from 'esbuild'

function packageOf(path) {
  const inNodeModules = path.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\//g)
  if (inNodeModules)
    return inNodeModules
      .at(-1)
      .replace(/^node_modules\//, '')
      .replace(/\/$/, '')
  const workspace = path.match(/packages\/([^/]+)\//)
  if (workspace) return `@msg/${workspace[1]}`
  return '(app)'
}

/**
 * Bundles an entry for the browser like size-limit does and tells which package contributes how
 * many minified bytes (before gzip), largest first — to say what dominates a budget.
 * @param {string} entry absolute path
 */
export async function bundleBreakdown(entry) {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    treeShaking: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    metafile: true,
    logLevel: 'silent',
  })
  const [output] = Object.values(result.metafile.outputs)
  const byPackage = new Map()
  for (const [path, input] of Object.entries(output.inputs)) {
    const name = packageOf(path)
    byPackage.set(name, (byPackage.get(name) ?? 0) + input.bytesInOutput)
  }
  return [...byPackage.entries()].sort((a, b) => b[1] - a[1])
}
