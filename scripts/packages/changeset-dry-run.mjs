import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { root } from './public-packages.mjs'
import { runCommand } from './run-command.mjs'

/** Copies the working tree (tracked and untracked, not ignored) to a fresh temp folder. */
function copyWorkingTree() {
  const copy = mkdtempSync(join(tmpdir(), 'msg-changeset-'))
  const files = runCommand('git', ['ls-files', '-co', '--exclude-standard'], { cwd: root }).stdout.split('\n')
  for (const file of files.filter(Boolean)) {
    mkdirSync(dirname(join(copy, file)), { recursive: true })
    cpSync(join(root, file), join(copy, file))
  }
  symlinkSync(join(root, 'node_modules'), join(copy, 'node_modules'))
  return copy
}

function versions(copy) {
  const found = {}
  for (const folder of readdirSync(join(copy, 'packages'))) {
    try {
      const manifest = JSON.parse(readFileSync(join(copy, 'packages', folder, 'package.json'), 'utf8'))
      if (!manifest.private) found[manifest.name] = manifest.version
    } catch {
      // not a package folder
    }
  }
  return found
}

function versionCopy(prepare) {
  const copy = copyWorkingTree()
  try {
    prepare(copy)
    const before = versions(copy)
    runCommand(join(root, 'node_modules/.bin/changeset'), ['version'], { cwd: copy })
    return { before, after: versions(copy) }
  } finally {
    rmSync(copy, { recursive: true, force: true })
  }
}

function describe({ before, after }) {
  return Object.keys(before)
    .map((name) => `${name} ${before[name]}${after[name] === before[name] ? '' : ` → ${after[name]}`}`)
    .join(', ')
}

/**
 * `changeset version` on temp copies of the working tree: once with the pending changesets (what
 * the next release carries), once with only a temp patch changeset for one leaf package, which
 * must bump that package alone — versions are independent, not fixed or linked.
 * @param {{ name: string, manifest: any }[]} packages
 */
export function checkChangesetVersions(packages) {
  const pending = versionCopy(() => undefined)
  console.log(`       pending changesets: ${describe(pending)}`)
  const internal = new Set(packages.map((pkg) => pkg.name))
  const dependedOn = new Set(
    packages.flatMap((pkg) =>
      Object.keys(pkg.manifest.dependencies ?? {}).filter((name) => internal.has(name)),
    ),
  )
  const leaf = packages.find((pkg) => !dependedOn.has(pkg.name)) ?? packages[0]
  const single = versionCopy((copy) => {
    for (const file of readdirSync(join(copy, '.changeset'))) {
      if (file.endsWith('.md') && file !== 'README.md') rmSync(join(copy, '.changeset', file))
    }
    writeFileSync(
      join(copy, '.changeset', 'dry-run-patch.md'),
      `---\n'${leaf.name}': patch\n---\n\nDry run.\n`,
    )
  })
  console.log(`       temp patch for ${leaf.name}: ${describe(single)}`)
  for (const [name, version] of Object.entries(single.before)) {
    const changed = single.after[name] !== version
    if (name === leaf.name && !changed) throw new Error(`${name} was not bumped`)
    if (name !== leaf.name && changed && !dependedOn.has(leaf.name)) {
      throw new Error(`${name} moved with ${leaf.name}: versions are not independent`)
    }
  }
  return `${leaf.name} bumped alone`
}
