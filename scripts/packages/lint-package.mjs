import { runCommand } from './run-command.mjs'

/**
 * `publint --strict`: warnings count as errors.
 * @param {{ directory: string }} pkg
 */
export function runPublint(pkg) {
  const { output } = runCommand('npx', ['--no-install', 'publint', '--strict'], { cwd: pkg.directory })
  if (!/All good!/i.test(output)) throw new Error(output)
  return 'all good'
}

/**
 * `attw --pack . --profile esm-only`: types resolve for every ESM entry point.
 * @param {{ directory: string }} pkg
 */
export function runAreTheTypesWrong(pkg) {
  // attw exits non-zero on any problem the profile does not ignore.
  runCommand(
    'npx',
    ['--no-install', 'attw', '--pack', '.', '--profile', 'esm-only', '--format', 'table-flipped'],
    {
      cwd: pkg.directory,
    },
  )
  return 'no problems (node16 ESM, bundler)'
}
