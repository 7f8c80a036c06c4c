import type { ListenSpec } from './listen-spec.js'

interface NeteaseImCopyShape {
  eventType?: string | number
  convType?: string
  msgidServer?: string
}

/** `msg listen netease-im`: the message copy (`@msg/netease-im/webhook`), signed with the app's key and secret. */
export const neteaseImListen: ListenSpec = {
  vendor: 'netease-im',
  defaultPath: '/netease-im/events',
  secrets: [
    {
      flag: 'app-key',
      env: 'NETEASE_IM_APP_KEY',
      description: 'AppKey',
      secret: true,
      setting: 'appKey',
      required: true,
    },
    {
      flag: 'app-secret',
      env: 'NETEASE_IM_APP_SECRET',
      description: 'AppSecret (the copy is signed with it)',
      secret: true,
      setting: 'appSecret',
      required: true,
    },
  ],
  async createWebhook(settings, handlers) {
    const { createNeteaseImWebhook } = await import('@msg/netease-im/webhook')
    return createNeteaseImWebhook({
      appKey: settings.appKey ?? '',
      appSecret: settings.appSecret ?? '',
      onEvent: (event) => handlers.onEvent(event),
      onMessage: (message) => handlers.onMessage(message),
      onError: handlers.onError,
    })
  },
  describeEvent(event) {
    const shape = event as NeteaseImCopyShape
    const eventType = String(shape.eventType ?? '?')
    const id = shape.msgidServer
    const message = eventType === '1' && (shape.convType === 'PERSON' || shape.convType === 'TEAM')
    return { type: `eventType ${eventType}`, ...(id ? { id } : {}), message }
  },
}
