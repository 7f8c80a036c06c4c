// After `changeset version`, copies each package's new version into its src/version.ts
// (the user agent reports it; a test in every package checks the two agree).
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'

for (const name of readdirSync('packages')) {
  const manifestPath = `packages/${name}/package.json`
  const versionPath = `packages/${name}/src/version.ts`
  if (!existsSync(manifestPath) || !existsSync(versionPath)) continue
  const { version } = JSON.parse(readFileSync(manifestPath, 'utf8'))
  const source = readFileSync(versionPath, 'utf8').replace(/version = '[^']*'/, `version = '${version}'`)
  writeFileSync(versionPath, source)
}
