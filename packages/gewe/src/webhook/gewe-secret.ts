import { MsgError, timingSafeEqual } from '@msg/core'

/**
 * Where a GeWe callback carries the shared secret: `path`, the last segment of the callback URL
 * (`https://bot.example.com/gewe/<secret>`, set with `tools/setCallback`), or `header`, a request
 * header (`Authorization` by default, as the console's "Header Secret" is reported to send it).
 * @see @msg/gewe README.md#receiving-callbacks
 */
export type GeweSecretIn = 'path' | 'header'

/**
 * The shared-secret settings of `createGeweWebhook`.
 * @see @msg/gewe README.md#receiving-callbacks
 */
export interface GeweSecretSettings {
  /** The shared secret; without it the endpoint accepts every request that looks like GeWe's. */
  secret?: string
  /** Default `path`. */
  secretIn?: GeweSecretIn
  /** The header for `secretIn: 'header'`. Default `authorization`; its whole value is the secret. */
  secretHeader?: string
}

/** The last non-empty segment of the URL's path, percent-decoded; `undefined` when undecodable. */
function lastSegment(url: string): string | undefined {
  const segments = new URL(url).pathname.split('/').filter((segment) => segment !== '')
  try {
    return decodeURIComponent(segments.at(-1) ?? '')
  } catch {
    return undefined
  }
}

/**
 * Builds the check `createGeweWebhook` runs before it reads a body: `() => true` without a secret,
 * otherwise a constant-time comparison of the path segment or header with the secret. Throws a
 * `MsgError` on settings that cannot work (an empty secret, an unknown `secretIn`).
 * @see @msg/gewe README.md#receiving-callbacks
 */
export function geweSecretCheck(settings: GeweSecretSettings): (request: Request) => boolean {
  const { secret } = settings
  const secretIn = settings.secretIn ?? 'path'
  const fail = (message: string) => new MsgError({ vendor: 'gewe', message: `createGeweWebhook: ${message}` })
  if (secretIn !== 'path' && secretIn !== 'header') throw fail("secretIn must be 'path' or 'header'")
  const header = settings.secretHeader ?? 'authorization'
  if (typeof header !== 'string' || !/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(header)) {
    throw fail('secretHeader must be a header name')
  }
  if (secret === undefined) return () => true
  if (typeof secret !== 'string' || secret === '') throw fail('secret must be a non-empty string')
  if (secretIn === 'path' && secret.includes('/')) throw fail("a path secret must not contain '/'")
  return (request) => {
    const given = secretIn === 'path' ? lastSegment(request.url) : request.headers.get(header)
    return typeof given === 'string' && timingSafeEqual(given, secret)
  }
}
