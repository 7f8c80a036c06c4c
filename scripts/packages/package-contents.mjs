import { runCommand } from './run-command.mjs'

/** Paths a published tarball must not contain: tests, fixtures, snapshots, build caches. */
const forbidden = [
  /\.test\.[cm]?[jt]sx?(\.map)?$/,
  /\.test\.d\.[cm]?ts(\.map)?$/,
  /(^|\/)(test|tests|__tests__|fixtures|__fixtures__|__snapshots__|__screenshots__)\//,
  /\.tsbuildinfo$/,
  /(^|\/)\.cache\//,
  /(^|\/)vitest\.config\./,
  /(^|\/)tsconfig(\.[a-z]+)?\.json$/,
]

function exportTargets(exports, found = []) {
  if (typeof exports === 'string') found.push(exports)
  else if (exports && typeof exports === 'object')
    for (const value of Object.values(exports)) exportTargets(value, found)
  return found
}

/**
 * Lists what `npm pack` would publish and fails on tests or fixtures in it, or on an export
 * target (including the `@msg/source` condition) that is missing from the tarball.
 * @param {{ name: string, directory: string, manifest: any }} pkg
 */
export function checkPackageContents(pkg) {
  const [report] = JSON.parse(
    runCommand('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: pkg.directory }).stdout,
  )
  const files = report.files.map((file) => file.path)
  const problems = files.filter((file) => forbidden.some((pattern) => pattern.test(file)))
  for (const target of exportTargets(pkg.manifest.exports)) {
    const path = target.replace(/^\.\//, '')
    if (!files.includes(path)) problems.push(`export target ${target} is not in the tarball`)
  }
  if (problems.length > 0) throw new Error(problems.join('\n'))
  return `${files.length} files, ${(report.size / 1024).toFixed(1)} kB packed`
}
