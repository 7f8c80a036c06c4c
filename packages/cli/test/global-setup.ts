import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

/**
 * The end-to-end tests run the BUILT binary (`node packages/cli/dist/bin.js`), which imports the
 * built `dist/` of @msg/core and the four vendor packages. This builds the cli and everything it
 * depends on through turbo (a cache hit when `pnpm build` or `pnpm test` already ran).
 */
export default function buildCli(): void {
  const root = fileURLToPath(new URL('../../../', import.meta.url))
  execFileSync(
    `${root}node_modules/.bin/turbo`,
    ['run', 'build', '--filter=@msg/cli...', '--output-logs=errors-only', '--log-prefix=none'],
    { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] },
  )
}
