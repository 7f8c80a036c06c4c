// `pnpm check:packages`: every public package is publishable — built, publint --strict and attw
// (ESM-only) clean, no tests or fixtures in `files`, tarballs that install and send outside the
// workspace (ESM and require()), independent changeset versions, size budgets, documented exports
// and a TypeDoc build. Ends with `N passed, N failed`; any failure exits 1.

import { undocumentedExports } from '../docs/check-doc-comments.mjs'
import { landedVendors } from '../sandbox/landed-vendors.mjs'
import { checkSize } from '../size/check-size.mjs'
import { checkChangesetVersions } from './changeset-dry-run.mjs'
import { runAreTheTypesWrong, runPublint } from './lint-package.mjs'
import { checkPackageContents } from './package-contents.mjs'
import { publicPackages, root } from './public-packages.mjs'
import { runCommand } from './run-command.mjs'
import { checkScratchInstall } from './scratch-install.mjs'
import { createStepRunner } from './step-runner.mjs'

const runner = createStepRunner()
const packages = publicPackages()
console.log(`public packages: ${packages.map((pkg) => `${pkg.name}@${pkg.version}`).join(', ')}`)
const { pending } = landedVendors()
if (pending.length > 0)
  console.log(`vendors PENDING (not merged yet): ${pending.map((vendor) => vendor.id).join(', ')}`)

await runner.step('build (turbo)', () => {
  runCommand('pnpm', ['build'], { cwd: root })
})
for (const pkg of packages) {
  await runner.step(`${pkg.name}: files ship no tests or fixtures`, () => checkPackageContents(pkg))
  await runner.step(`${pkg.name}: publint --strict`, () => runPublint(pkg))
  await runner.step(`${pkg.name}: attw --pack --profile esm-only`, () => runAreTheTypesWrong(pkg))
}
await runner.step('tarballs install and send outside the workspace (ESM + require)', () =>
  checkScratchInstall(packages),
)
await runner.step('changeset version dry run: independent versions', () => checkChangesetVersions(packages))
await runner.step('size budgets (gzip)', async () => {
  const failures = await checkSize()
  if (failures.length > 0) throw new Error(`over budget: ${failures.join(', ')}`)
  return 'within budget'
})
await runner.step('every export has a doc comment', () => {
  const { missing, checked } = undocumentedExports(packages)
  if (missing.length > 0) throw new Error(missing.join('\n'))
  return `${checked} exports`
})
await runner.step('TypeDoc API reference → docs/api', () => {
  runCommand('npx', ['--no-install', 'typedoc'], { cwd: root })
  return 'docs/api/index.html'
})
process.exit(runner.finish())
