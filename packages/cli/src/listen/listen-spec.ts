import type { InboundMessage, WebhookHandler } from '@msg/core'
import type { CredentialSpec, VendorName } from '../vendors/vendor-spec.js'

/** A webhook secret of `msg listen`: a flag or an environment variable, and its webhook setting. */
export interface ListenSecretSpec extends CredentialSpec {
  /** The setting of the vendor's `create<Vendor>Webhook` it fills. */
  setting: string
  /** Refused as a usage error when missing. */
  required: boolean
}

/** The handlers `msg listen` gives a webhook: print every verified event, once. */
export interface ListenHandlers {
  onEvent(event: unknown): void
  onMessage(message: InboundMessage): void
  onError(error: unknown): void
}

/** What `msg listen` prints of a verified event: its type, its id, and whether `onMessage` follows. */
export interface EventSummary {
  type: string
  id?: string
  /** `onMessage` runs next for this event: the message line is printed instead of the event line. */
  message: boolean
}

/** How `msg listen <vendor>` serves one vendor package's `./webhook`. */
export interface ListenSpec {
  vendor: VendorName
  secrets: readonly ListenSecretSpec[]
  /** The path served when `--path` is not given. */
  defaultPath: string
  /** The vendor's webhook with these settings (by setting name) and handlers; loaded on use. */
  createWebhook(settings: Readonly<Record<string, string>>, handlers: ListenHandlers): Promise<WebhookHandler>
  describeEvent(event: unknown): EventSummary
}
