import type { CallOptions, ChannelMessage, KnownVendor, SentMessage, TransportSettings } from '@msg/core'

/** The four vendors `msg` can send through: core's {@link KnownVendor}. */
export type VendorName = KnownVendor

/** Every vendor name, in the order help and the demo list them. */
export const vendorNames: readonly VendorName[] = ['gewe', 'feishu', 'fxiaoke', 'netease-im']

/** A string flag of one vendor (a target or a vendor option). */
export interface FlagSpec {
  /** Without the leading `--`. */
  name: string
  description: string
  /** May be given more than once (values also split on commas). */
  multiple?: boolean
}

/** A credential: given as a flag, or read from an environment variable. */
export interface CredentialSpec {
  /** Without the leading `--`. */
  flag: string
  env: string
  description: string
  /** Never printed: redacted from every line `msg` writes. */
  secret: boolean
}

/** What a vendor spec gets to build its client and target. */
export interface SendInput {
  /** Parsed vendor flags (targets, options and content), by flag name. */
  values: Readonly<Record<string, string | string[] | undefined>>
  /**
   * What `--text` (with `--title`/`--url`: a `Notice`) asks to send; `undefined` when only content
   * flags were given.
   */
  message: ChannelMessage | undefined
  /** The credential of this flag: the flag's value, else its environment variable. */
  credential(flag: string): string | undefined
  /** The bytes of the file a content flag names; a `UsageError` naming the flag if it cannot be read. */
  readFile(flag: string): Promise<Uint8Array>
  /** The JSON of the file a content flag names; a `UsageError` naming the flag if it is not JSON. */
  readJson(flag: string): Promise<unknown>
  /** baseURL, timeout, hooks for the client. */
  transport: TransportSettings
}

/** A client bound to one target and one message: sends it and returns what the vendor said. */
export type PreparedSend = (options?: CallOptions) => Promise<SentMessage>

/** How `msg send <vendor>` maps flags and environment variables onto one vendor package. */
export interface VendorSpec {
  vendor: VendorName
  /** The name after `msg send` when it is not the vendor's (`feishu-bot`). */
  name?: string
  /** One line for help: what the vendor is. */
  title: string
  /** Environment variable that replaces the default base URL (like `--base-url`). */
  baseUrlEnv: string
  targetFlags: readonly FlagSpec[]
  optionFlags: readonly FlagSpec[]
  /** Flags that carry what to send instead of (or besides) `--text`: files, URLs, JSON. */
  contentFlags: readonly FlagSpec[]
  credentials: readonly CredentialSpec[]
  /** Shown by `msg send --help`. Placeholders only, never a real secret. */
  examples: readonly string[]
  /**
   * Checks the target, content and credentials (throwing a `UsageError` naming flag and variable),
   * reads the files, builds the client: everything that can fail before a request.
   */
  prepare(input: SendInput): Promise<PreparedSend>
}
