/** The vendors this project ships a package for. */
export type KnownVendor = 'gewe' | 'feishu' | 'fxiaoke' | 'netease-im'

/**
 * Who raised an error or sent a message: a known vendor, `core` for failures that belong to no vendor,
 * or any other vendor package's own name (the union is open, so a new vendor needs no core release).
 */
export type Vendor = KnownVendor | 'core' | (string & {})

/**
 * Whether a failed call may have reached the recipient.
 * - `not-sent`: provably not delivered; sending again (or through another channel) cannot duplicate.
 * - `unknown`: the vendor may have delivered it (timeout after sending, 5xx, reset); resending may duplicate.
 */
export type Delivery = 'not-sent' | 'unknown'

/** Constructor options shared by every error of the family. */
export interface MsgErrorOptions {
  vendor: Vendor
  /** What went wrong, without the `[@msg/<vendor>]` prefix (added for you). Never include a secret. */
  message: string
  delivery?: Delivery
  cause?: unknown
}

const kindsKey = Symbol.for('@msg/core/error-kinds')

/**
 * Tags an error with its class name so `isInstance` works across two installed copies of core. Error
 * classes of vendor packages call it in their constructor and test with {@link hasErrorKind}.
 * @see @msg/core README.md#errors
 */
export function tagErrorKind(error: Error, name: string): void {
  error.name = name
  const tagged = error as unknown as Record<symbol, string[]>
  tagged[kindsKey] = [...(tagged[kindsKey] ?? []), name]
}

/**
 * True when `value` was tagged with the class name `name` by any copy of `@msg/core`.
 * @see @msg/core README.md#errors
 */
export function hasErrorKind(value: unknown, name: string): boolean {
  if (typeof value !== 'object' || value === null) return false
  const kinds = (value as Record<symbol, unknown>)[kindsKey]
  return Array.isArray(kinds) && kinds.includes(name)
}

/**
 * Base class of every error thrown by `@msg/*` packages.
 * Messages start with `[@msg/<vendor>]` and never contain a secret.
 * @see @msg/core README.md#errors
 */
export class MsgError extends Error {
  /** The vendor package that raised the error. */
  readonly vendor: Vendor
  /** Whether the message may have been delivered. */
  readonly delivery: Delivery

  constructor(options: MsgErrorOptions) {
    super(
      `[@msg/${options.vendor}] ${options.message}`,
      options.cause === undefined ? {} : { cause: options.cause },
    )
    this.vendor = options.vendor
    this.delivery = options.delivery ?? 'not-sent'
    tagErrorKind(this, 'MsgError')
  }

  /** `instanceof` that also holds across duplicated installs of `@msg/core`. */
  static isInstance(value: unknown): value is MsgError {
    return hasErrorKind(value, 'MsgError')
  }

  /** A plain, secret-free object for logs and `JSON.stringify`. */
  toJSON(): Record<string, unknown> {
    const json: Record<string, unknown> = { name: this.name, message: this.message }
    for (const [key, value] of Object.entries(this)) {
      if (key !== 'cause') json[key] = value
    }
    return json
  }
}

/**
 * A copy of `error` (same class, fields and stack) whose `delivery` is `delivery`; the original is left
 * untouched. Used where the outcome of a whole call differs from that of one request inside it: a token
 * request that timed out means the message itself was `not-sent`.
 * @see @msg/core README.md#errors
 */
export function withDelivery<Failure extends MsgError>(error: Failure, delivery: Delivery): Failure {
  if (error.delivery === delivery) return error
  const descriptors = Object.getOwnPropertyDescriptors(error)
  // A real `Error` underneath, so the copy is a native error for `structuredClone`, loggers and workers.
  const copy = new Error(error.message)
  Object.setPrototypeOf(copy, Object.getPrototypeOf(error))
  return Object.defineProperties(copy, {
    ...descriptors,
    delivery: { ...descriptors.delivery, value: delivery },
  }) as Failure
}
