import { type ParseArgsConfig, parseArgs } from 'node:util'
import { UsageError } from '../usage-error.js'
import { type VendorSpec, vendorNames } from '../vendors/vendor-spec.js'
import { findVendorSpec } from '../vendors/vendor-specs.js'
import { toUsageError } from './to-usage-error.js'

/** `msg send <vendor> …`, parsed. */
export interface SendArguments {
  spec: VendorSpec
  /** The text, or `-` to read it from standard input; absent when content flags say what to send. */
  text: string | undefined
  /** `--title` and `--url`: with `--text`, send a `Notice`. */
  title: string | undefined
  url: string | undefined
  baseURL: string | undefined
  timeout: number | undefined
  json: boolean
  verbose: boolean
  sandbox: boolean
  /** Target, option and credential flags of the vendor, by flag name. */
  values: Record<string, string | string[] | undefined>
}

type Options = NonNullable<ParseArgsConfig['options']>

/** Flags every `msg send <vendor>` accepts. */
export const commonSendOptions = {
  text: { type: 'string' },
  title: { type: 'string' },
  url: { type: 'string' },
  'base-url': { type: 'string' },
  timeout: { type: 'string' },
  json: { type: 'boolean' },
  verbose: { type: 'boolean' },
  sandbox: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies Options

function vendorOptions(spec: VendorSpec): Options {
  const options: Options = {}
  for (const flag of [...spec.targetFlags, ...spec.optionFlags, ...spec.contentFlags])
    options[flag.name] = { type: 'string', multiple: flag.multiple === true }
  for (const credential of spec.credentials) options[credential.flag] = { type: 'string' }
  return options
}

function parseTimeout(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined
  const timeout = Number(raw)
  if (!Number.isInteger(timeout) || timeout <= 0)
    throw new UsageError(`--timeout must be a whole number of milliseconds above 0, got "${raw}"`, 'send')
  return timeout
}

/**
 * Parses the arguments after `msg send`. Returns `'help'` for `--help` (or no vendor);
 * throws a {@link UsageError} for an unknown vendor or flag, a missing `--text`, a bad `--timeout`.
 */
export function parseSendArguments(args: readonly string[]): SendArguments | 'help' {
  const [vendor, ...rest] = args
  if (vendor === undefined || vendor === '--help' || vendor === '-h' || vendor === 'help') return 'help'
  const spec = findVendorSpec(vendor)
  if (!spec)
    throw new UsageError(
      `unknown vendor "${vendor}": expected ${[...vendorNames, 'feishu-bot'].join(', ')} right after "msg send"`,
      'send',
    )
  const options = { ...vendorOptions(spec), ...commonSendOptions }
  let parsed: ReturnType<typeof parseArgs<{ options: Options; args: string[]; strict: true }>>
  try {
    parsed = parseArgs({ args: rest, options, strict: true, allowPositionals: false })
  } catch (error) {
    throw toUsageError(error, `msg send ${vendor}`)
  }
  const {
    text,
    title,
    url,
    'base-url': baseURL,
    timeout,
    json,
    verbose,
    sandbox,
    help,
    ...values
  } = parsed.values
  if (help === true) return 'help'
  if ((title !== undefined || url !== undefined) && typeof text !== 'string')
    throw new UsageError('--title and --url send a notice: they need --text as well', 'send')
  const content = spec.contentFlags.some((flag) => values[flag.name] !== undefined)
  if (typeof text !== 'string' && !content)
    throw new UsageError(
      `missing --text "…" (or --text - to read standard input)${spec.contentFlags.length > 0 ? `, or one of ${spec.contentFlags.map((flag) => `--${flag.name}`).join(', ')}` : ''}`,
      'send',
    )
  return {
    spec,
    text: typeof text === 'string' ? text : undefined,
    title: typeof title === 'string' ? title : undefined,
    url: typeof url === 'string' ? url : undefined,
    baseURL: typeof baseURL === 'string' ? baseURL : undefined,
    timeout: parseTimeout(typeof timeout === 'string' ? timeout : undefined),
    json: json === true,
    verbose: verbose === true,
    sandbox: sandbox === true,
    values: values as Record<string, string | string[] | undefined>,
  }
}
