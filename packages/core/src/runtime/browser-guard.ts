import type { Vendor } from '../errors/msg-error.js'
import { ValidationError } from '../errors/validation-error.js'
import { isBrowserRuntime } from './runtime.js'

/**
 * Refuses a long-lived secret in a browser unless the caller opted in with
 * `dangerouslyAllowBrowser: true`. Browsers should use a pre-issued token or a proxy `baseURL`.
 * @see @msg/core README.md#browsers
 */
export function assertServerSideSecret(options: {
  vendor: Vendor
  setting: string
  present: boolean
  dangerouslyAllowBrowser?: boolean | undefined
}): void {
  if (!options.present || options.dangerouslyAllowBrowser === true || !isBrowserRuntime()) return
  throw new ValidationError({
    vendor: options.vendor,
    message: `refusing \`${options.setting}\` in a browser: it would expose a long-lived secret to every visitor. Use a pre-issued token or a \`baseURL\` pointing at your own proxy, or set \`dangerouslyAllowBrowser: true\`.`,
    issues: [{ path: options.setting, message: 'long-lived secrets are not allowed in a browser runtime' }],
  })
}
