import type { FeishuEvent, FeishuEventV2, ImMessageReceiveEvent } from './feishu-event.js'
import { feishuInboundMessage } from './feishu-inbound-message.js'
import type { FeishuWebhookSettings } from './feishu-webhook-settings.js'

/**
 * The handlers a verified event goes to, shared by the webhook and the long connection.
 * @see https://open.feishu.cn/document/server-docs/event-subscription-guide/event-subscription-configure-/request-url-configuration-case
 */
export type FeishuEventHandlers = Pick<FeishuWebhookSettings, 'onEvent' | 'onMessage' | 'client'>

/**
 * Hands one verified, not yet seen event to its handlers: `onEvent` for every event, then
 * `onMessage` with the cross-vendor `InboundMessage` for a schema 2.0 `im.message.receive_v1`.
 * A throw propagates, so the caller can leave the event unseen and have Feishu push it again.
 * @see https://open.feishu.cn/document/server-docs/event-subscription-guide/event-subscription-configure-/request-url-configuration-case
 */
export async function dispatchFeishuEvent(
  handlers: FeishuEventHandlers,
  event: FeishuEvent,
  eventType: string,
): Promise<void> {
  await handlers.onEvent?.(event)
  if (eventType === 'im.message.receive_v1' && handlers.onMessage && 'schema' in event) {
    await handlers.onMessage(
      feishuInboundMessage(event as unknown as FeishuEventV2<ImMessageReceiveEvent>, handlers.client),
    )
  }
}
