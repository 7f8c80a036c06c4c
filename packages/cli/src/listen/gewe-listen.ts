import { UsageError } from '../usage-error.js'
import type { ListenSpec } from './listen-spec.js'

interface GeweCallbackShape {
  TypeName?: string
  Wxid?: string
  Data?: { NewMsgId?: string; MsgType?: number; FromUserName?: { string?: string } }
}

/**
 * `msg listen gewe`: GeWe's callbacks (`@msg/gewe/webhook`). GeWe signs nothing: with `--secret`
 * every callback must carry it (`--secret-in path`: the last path segment, the default; `header`:
 * the `authorization` header); without it the endpoint is unauthenticated.
 */
export const geweListen: ListenSpec = {
  vendor: 'gewe',
  defaultPath: '/gewe/events',
  secrets: [
    {
      flag: 'secret',
      env: 'GEWE_CALLBACK_SECRET',
      description: 'the shared secret your callback URL (or header) carries',
      secret: true,
      setting: 'secret',
      required: false,
    },
    {
      flag: 'secret-in',
      env: 'GEWE_CALLBACK_SECRET_IN',
      description: 'path (default) or header',
      secret: false,
      setting: 'secretIn',
      required: false,
    },
  ],
  async createWebhook(settings, handlers) {
    const { createGeweWebhook } = await import('@msg/gewe/webhook')
    const secretIn = settings.secretIn
    if (secretIn !== undefined && secretIn !== 'path' && secretIn !== 'header')
      throw new UsageError(`--secret-in must be path or header, got "${secretIn}"`, 'main')
    return createGeweWebhook({
      ...(settings.secret ? { secret: settings.secret } : {}),
      ...(secretIn ? { secretIn } : {}),
      onEvent: (event) => handlers.onEvent(event),
      onMessage: (message) => handlers.onMessage(message),
      onError: handlers.onError,
    })
  },
  describeEvent(event) {
    const shape = event as GeweCallbackShape
    const type = shape.TypeName ?? 'callback'
    const id = shape.Data?.NewMsgId
    // `onMessage` follows for texts from others; the account's own messages stay events.
    const fromSelf = shape.Data?.FromUserName?.string === shape.Wxid
    return {
      type,
      ...(id ? { id } : {}),
      message: type === 'AddMsg' && shape.Data?.MsgType === 1 && !fromSelf,
    }
  },
}
