import type { ListenSpec } from './listen-spec.js'

interface FeishuEventShape {
  schema?: string
  header?: { event_type?: string; event_id?: string }
  type?: string
  uuid?: string
  event?: { type?: string }
}

/** `msg listen feishu`: the event subscription webhook (`@msg/feishu/webhook`). */
export const feishuListen: ListenSpec = {
  vendor: 'feishu',
  defaultPath: '/feishu/events',
  secrets: [
    {
      flag: 'verification-token',
      env: 'FEISHU_VERIFICATION_TOKEN',
      description: 'Verification Token of the event subscription',
      secret: true,
      setting: 'verificationToken',
      required: true,
    },
    {
      flag: 'encrypt-key',
      env: 'FEISHU_ENCRYPT_KEY',
      description: 'Encrypt Key (when the subscription encrypts and signs)',
      secret: true,
      setting: 'encryptKey',
      required: false,
    },
  ],
  async createWebhook(settings, handlers) {
    const { createFeishuWebhook } = await import('@msg/feishu/webhook')
    return createFeishuWebhook({
      verificationToken: settings.verificationToken ?? '',
      ...(settings.encryptKey ? { encryptKey: settings.encryptKey } : {}),
      onEvent: (event) => handlers.onEvent(event),
      onMessage: (message) => handlers.onMessage(message),
      onError: handlers.onError,
    })
  },
  describeEvent(event) {
    const shape = event as FeishuEventShape
    const type = shape.header?.event_type ?? shape.event?.type ?? shape.type ?? 'event'
    const id = shape.header?.event_id ?? shape.uuid
    return {
      type,
      ...(id ? { id } : {}),
      message: type === 'im.message.receive_v1' && shape.schema === '2.0',
    }
  },
}
