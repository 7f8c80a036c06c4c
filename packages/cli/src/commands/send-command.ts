import type { ChannelMessage } from '@msg/core'
import { parseSendArguments, type SendArguments } from '../arguments/parse-send-arguments.js'
import type { CommandIo } from '../command-io.js'
import { type ExitCode, exitCodeFor, exitCodes } from '../exit-codes.js'
import { sendHelp } from '../help/send-help.js'
import { failureJson, formatFailureLines } from '../output/format-failure.js'
import { formatSentLine, sentJson } from '../output/format-sent.js'
import { createSecretScrubber, type SecretScrubber } from '../output/secret-scrubber.js'
import { verboseHooks } from '../output/verbose-hooks.js'
import type { Sandbox } from '../sandbox/start-sandbox.js'
import { UsageError } from '../usage-error.js'

/** Text from standard input, without the one newline `echo` adds. */
async function resolveText(text: string, io: CommandIo): Promise<string> {
  if (text !== '-') return text
  return (await io.readStdin()).replace(/\r?\n$/, '')
}

/** `--text` alone is a text; with `--title` or `--url` it is a `Notice`. */
async function resolveMessage(parsed: SendArguments, io: CommandIo): Promise<ChannelMessage | undefined> {
  if (parsed.text === undefined) return undefined
  const text = await resolveText(parsed.text, io)
  if (parsed.title === undefined && parsed.url === undefined) return text
  return {
    text,
    ...(parsed.title === undefined ? {} : { title: parsed.title }),
    ...(parsed.url === undefined ? {} : { url: parsed.url }),
  }
}

/** Reads the file a content flag names, or a `UsageError` naming the flag. */
function fileReader(parsed: SendArguments, io: CommandIo) {
  const pathOf = (flag: string) => {
    const value = parsed.values[flag]
    const path = Array.isArray(value) ? value.at(-1) : value
    if (path === undefined || path === '') throw new UsageError(`missing --${flag} <file>`, 'send')
    return path
  }
  const readFile = async (flag: string): Promise<Uint8Array> => {
    const path = pathOf(flag)
    try {
      return await io.readFile(path)
    } catch (error) {
      const reason =
        (error as { code?: string }).code ?? (error instanceof Error ? error.message : String(error))
      throw new UsageError(`--${flag}: cannot read ${path} (${reason})`, 'send')
    }
  }
  const readJson = async (flag: string): Promise<unknown> => {
    const bytes = await readFile(flag)
    try {
      return JSON.parse(new TextDecoder().decode(bytes))
    } catch (error) {
      throw new UsageError(`--${flag}: ${pathOf(flag)} is not JSON (${(error as Error).message})`, 'send')
    }
  }
  return { readFile, readJson }
}

/**
 * The credential of a flag: the flag, else (with `--sandbox`) the sandbox's sample credential,
 * else the environment variable. With `--sandbox` the environment is ignored, so real secrets never
 * reach the fake.
 */
function credentialLookup(parsed: SendArguments, io: CommandIo, sandbox: Sandbox | undefined) {
  return (flag: string): string | undefined => {
    const given = parsed.values[flag]
    if (typeof given === 'string') return given
    if (sandbox) return sandbox.vendors[parsed.spec.vendor].credentials[flag]
    const credential = parsed.spec.credentials.find((candidate) => candidate.flag === flag)
    return credential ? io.env[credential.env] : undefined
  }
}

async function send(parsed: SendArguments, io: CommandIo, scrubber: SecretScrubber): Promise<ExitCode> {
  const { spec } = parsed
  if (parsed.sandbox && spec.name !== undefined)
    throw new UsageError(`msg send ${spec.name} has no sandbox: pass --base-url to a fake`, 'send')
  // Loaded only with --sandbox: the sandbox pulls in the testing kits and msw.
  const sandbox = parsed.sandbox
    ? await (await import('../sandbox/start-sandbox.js')).startSandbox()
    : undefined
  try {
    const credential = credentialLookup(parsed, io, sandbox)
    for (const entry of spec.credentials) if (entry.secret) scrubber.add(credential(entry.flag))
    const baseURL = sandbox
      ? sandbox.vendors[spec.vendor].baseURL
      : (parsed.baseURL ?? (io.env[spec.baseUrlEnv] || undefined))
    const prepared = await spec.prepare({
      values: parsed.values,
      message: await resolveMessage(parsed, io),
      ...fileReader(parsed, io),
      credential,
      transport: {
        ...(baseURL === undefined ? {} : { baseURL }),
        ...(parsed.timeout === undefined ? {} : { timeout: parsed.timeout }),
        ...(parsed.verbose ? { hooks: verboseHooks(io.stderr, scrubber) } : {}),
      },
    })
    const message = await prepared()
    if (parsed.json) io.stdout(scrubber.text(JSON.stringify(scrubber.value(sentJson(message)))))
    else io.stdout(scrubber.text(formatSentLine(message)))
    return exitCodes.sent
  } finally {
    await sandbox?.close()
  }
}

/** `msg send <vendor> …`: one text through one vendor; returns the exit code. */
export async function sendCommand(args: readonly string[], io: CommandIo): Promise<ExitCode> {
  const scrubber = createSecretScrubber()
  let json = args.includes('--json')
  try {
    const parsed = parseSendArguments(args)
    if (parsed === 'help') {
      io.stdout(sendHelp())
      return exitCodes.sent
    }
    json = parsed.json
    return await send(parsed, io, scrubber)
  } catch (error) {
    const code = exitCodeFor(error)
    if (json) io.stdout(JSON.stringify(failureJson(error, code, scrubber)))
    else {
      for (const line of formatFailureLines(error, code, scrubber)) io.stderr(line)
      if (error instanceof UsageError)
        io.stderr('run "msg send --help" for targets, credentials and examples')
    }
    return code
  }
}
