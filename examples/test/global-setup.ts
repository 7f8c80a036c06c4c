import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

/** Builds the examples, the cli (for `msg sandbox`) and every package they import, through turbo. */
export default function buildExamples(): void {
  const root = fileURLToPath(new URL('../../', import.meta.url))
  execFileSync(
    `${root}node_modules/.bin/turbo`,
    ['run', 'build', '--filter=@msg/examples...', '--output-logs=errors-only', '--log-prefix=none'],
    { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] },
  )
}
