import type { ListenSpec } from './listen-spec.js'

interface FxiaokeEventShape {
  type?: string
  message?: { MsgType?: string; MsgId?: string }
}

/**
 * `msg listen fxiaoke`: the event push (`@msg/fxiaoke/webhook`). Fxiaoke's pushes carry no
 * documented message fields, so every push prints as an event (`Message`, `PermanentCode`, …).
 */
export const fxiaokeListen: ListenSpec = {
  vendor: 'fxiaoke',
  defaultPath: '/fxiaoke/events',
  secrets: [
    {
      flag: 'token',
      env: 'FXIAOKE_CALLBACK_TOKEN',
      description: 'the callback Token of the app',
      secret: true,
      setting: 'token',
      required: true,
    },
    {
      flag: 'encoding-aes-key',
      env: 'FXIAOKE_ENCODING_AES_KEY',
      description: 'the callback EncodingAESKey (43 characters)',
      secret: true,
      setting: 'encodingAesKey',
      required: true,
    },
  ],
  async createWebhook(settings, handlers) {
    const { createFxiaokeWebhook } = await import('@msg/fxiaoke/webhook')
    return createFxiaokeWebhook({
      token: settings.token ?? '',
      encodingAesKey: settings.encodingAesKey ?? '',
      onEvent: (event) => handlers.onEvent(event),
      onError: handlers.onError,
    })
  },
  describeEvent(event) {
    const shape = event as FxiaokeEventShape
    const type =
      shape.type === 'Message' && shape.message?.MsgType
        ? `Message/${shape.message.MsgType}`
        : (shape.type ?? 'event')
    return { type, ...(shape.message?.MsgId ? { id: String(shape.message.MsgId) } : {}), message: false }
  },
}
