import type { SentMessage } from '../channels/text-channel.js'
import type { Vendor } from '../errors/msg-error.js'
import type { InboundMessage } from '../inbound/inbound-message.js'
import type { WebhookContext } from '../inbound/webhook-handler.js'
import type { CallOptions } from '../transport/transport-settings.js'
import type { VendorFake } from './vendor-fake.js'

/**
 * One vendor as local tools use it (the CLI sandbox, benchmarks, runtime and reliability checks): a
 * fake that accepts the sample credentials below, and a real client configured to send to it. Each
 * vendor's `./testing` exports one; tools list the four instead of knowing vendor details. A vendor
 * names its own sample target and credential types (`Target`, `Credentials`), so tools read them typed.
 * `Settings` is the settings shape the sample credentials belong to (for a factory taking either app
 * credentials or a pre-issued token: the app-credential branch), so `createClient` needs no cast.
 * @see @msg/core README.md#testing
 */
export interface SandboxVendor<
  Settings = Record<string, unknown>,
  Target = unknown,
  Client = unknown,
  Credentials extends Readonly<Record<string, string>> = Readonly<Record<string, string>>,
> {
  vendor: Vendor
  /** Sample credentials the fake accepts, in the factory's own setting names. Not secrets. */
  credentials: Credentials
  /** A sample `sendText` target. */
  target: Target
  /** The path below the fake's origin where the vendor's API lives (`''` or e.g. `/gewe/v2/api`). */
  basePath: string
  /** Creates a fake that accepts `credentials`. */
  createFake(): VendorFake<unknown, unknown>
  /** A client with `credentials` that sends to the fake served at `origin`; `settings` add to or replace its settings. */
  createClient(
    origin: string,
    settings?: Partial<Settings>,
  ): Client & {
    sendText(target: Target, text: string, options?: CallOptions): Promise<SentMessage>
  }
  /** The vendor writing back: present once the vendor package has a webhook. */
  inbound?: SandboxInbound<Client>
}

/**
 * One vendor pushing events, as local tools use it (`msg listen --sandbox`, `msg sandbox say`,
 * the demo): a webhook built with the sample secrets the fake signs with, and a simulated user
 * whose message the fake pushes to a webhook URL, signed as the vendor signs it.
 * @see @msg/core README.md#testing
 */
export interface SandboxInbound<Client = unknown> {
  /** Sample webhook secrets, in the webhook factory's own setting names. Not secrets. */
  secrets: Readonly<Record<string, string>>
  /** The vendor's webhook with {@link secrets}; `client` (from `createClient`) enables `reply`. */
  createWebhook(handlers: {
    onMessage?(message: InboundMessage): unknown
    onEvent?(event: unknown): unknown
    client?: Client
  }): { fetch(request: Request, context?: WebhookContext): Promise<Response> }
  /**
   * Pushes a text message from the sample user to the webhook at `url`, once (no re-push), signed
   * with {@link secrets}. Resolves with the HTTP status the webhook answered.
   */
  say(url: string, text: string, options?: { fetch?: typeof fetch }): Promise<{ status: number }>
}
