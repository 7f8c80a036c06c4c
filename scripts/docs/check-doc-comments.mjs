// Fails when any export of a public package's entry points (src/index.ts, src/testing/index.ts,
// and the subpaths src/node/index.ts, src/webhook/index.ts and src/long-connection/index.ts where a
// package has them)
// has no doc comment. Uses the TypeScript checker, so re-exports are followed to the declaration.
import { existsSync } from 'node:fs'
import ts from 'typescript'
import { publicPackages } from '../packages/public-packages.mjs'

const entryFiles = [
  'src/index.ts',
  'src/testing/index.ts',
  'src/node/index.ts',
  'src/webhook/index.ts',
  'src/long-connection/index.ts',
]

function hasDocComment(symbol, checker) {
  const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol
  if (target.getDocumentationComment(checker).length > 0) return true
  return (target.declarations ?? []).some((declaration) => ts.getJSDocCommentsAndTags(declaration).length > 0)
}

/**
 * Lists `<package>/<entry>: <export>` for every export without a doc comment.
 * @param {{ name: string, directory: string }[]} packages
 */
export function undocumentedExports(packages) {
  const missing = []
  let checked = 0
  for (const pkg of packages) {
    const entries = entryFiles.map((file) => `${pkg.directory}/${file}`).filter((file) => existsSync(file))
    const program = ts.createProgram(entries, {
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      target: ts.ScriptTarget.ES2022,
      customConditions: ['@msg/source'],
      noEmit: true,
      skipLibCheck: true,
    })
    const checker = program.getTypeChecker()
    for (const entry of entries) {
      const source = program.getSourceFile(entry)
      const module = source && checker.getSymbolAtLocation(source)
      if (!module) throw new Error(`cannot read the exports of ${entry}`)
      for (const symbol of checker.getExportsOfModule(module)) {
        checked += 1
        if (!hasDocComment(symbol, checker))
          missing.push(`${pkg.name} ${entry.slice(pkg.directory.length + 1)}: ${symbol.name}`)
      }
    }
  }
  return { missing, checked }
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
  const { missing, checked } = undocumentedExports(publicPackages())
  for (const line of missing) console.log(`undocumented export: ${line}`)
  console.log(`${checked} exports checked, ${missing.length} without a doc comment`)
  process.exit(missing.length === 0 ? 0 : 1)
}
