import type { commonSendOptions } from '../arguments/parse-send-arguments.js'
import { vendorNames } from '../vendors/vendor-spec.js'
import { extraSpecs, vendorSpecs } from '../vendors/vendor-specs.js'

const commonDescriptions: Record<keyof typeof commonSendOptions, string> = {
  text: 'the text to send; - reads it from standard input',
  title: 'with --text: send a notice with this title (each vendor renders it natively)',
  url: 'with --text: send a notice linking to this URL',
  'base-url': 'replace the vendor base URL (a proxy, a private deployment, the sandbox)',
  timeout: 'milliseconds per attempt (default 10000)',
  json: 'print one JSON object on standard output instead of a line',
  verbose: 'print each request and response to standard error, secrets redacted',
  sandbox: 'send to a local fake of the vendor started for this call, with sample credentials',
  help: 'this help',
}

function row(flag: string, description: string): string {
  return `    ${flag.padEnd(26)} ${description}`
}

/** `msg send --help`: common flags, then per vendor its targets, credentials and examples. */
export function sendHelp(): string {
  const lines = [
    'Usage: msg send <vendor> <target flags> --text "…" [--title …] [--url …] [options]',
    '',
    'Options:',
  ]
  for (const [flag, description] of Object.entries(commonDescriptions))
    lines.push(
      row(
        `--${flag}${['text', 'title', 'url', 'base-url', 'timeout'].includes(flag) ? ' <value>' : ''}`,
        description,
      ),
    )
  for (const spec of [...vendorNames.map((name) => vendorSpecs[name]), ...Object.values(extraSpecs)]) {
    const name = spec.name ?? spec.vendor
    lines.push('', `${name}: ${spec.title}`, '  targets:')
    for (const flag of spec.targetFlags) lines.push(row(`--${flag.name} <value>`, flag.description))
    for (const flag of spec.optionFlags) lines.push(row(`--${flag.name} <value>`, flag.description))
    if (spec.contentFlags.length > 0) lines.push('  content (instead of or with --text):')
    for (const flag of spec.contentFlags) lines.push(row(`--${flag.name} <value>`, flag.description))
    lines.push('  credentials (flag or environment variable):')
    for (const credential of spec.credentials)
      lines.push(row(`--${credential.flag} | ${credential.env}`, credential.description))
    lines.push(row(`--base-url | ${spec.baseUrlEnv}`, 'base URL'), '  examples:')
    for (const example of spec.examples) lines.push(`    ${example}`)
  }
  lines.push(
    '',
    'Exit codes: 0 sent, 2 bad input, 3 refused by the vendor, 4 delivery unknown (see msg --help).',
  )
  return `${lines.join('\n')}\n`
}
