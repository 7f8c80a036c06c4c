// Try Feishu first; only when Feishu provably did not get the message (delivery 'not-sent':
// refused connection, rejected credentials, rate limit), send through GeWe instead. A timeout
// after sending stops the chain, so nobody gets the text twice. Environment as in feishu.ts and gewe.ts.
import { FallbackError, withFallback } from '@msg/core'
import { createFeishu } from '@msg/feishu'
import { createGewe } from '@msg/gewe'

const env = process.env
const feishu = createFeishu({
  appId: env.FEISHU_APP_ID ?? '',
  appSecret: env.FEISHU_APP_SECRET ?? '',
  ...(env.FEISHU_BASE_URL ? { baseURL: env.FEISHU_BASE_URL } : {}),
})
const gewe = createGewe({
  token: env.GEWE_TOKEN ?? '',
  ...(env.GEWE_BASE_URL ? { baseURL: env.GEWE_BASE_URL } : {}),
})

const alert = withFallback([
  feishu.channel({ chatId: env.FEISHU_CHAT_ID ?? '' }),
  gewe.channel({ appId: env.GEWE_APP_ID ?? '', toWxid: env.GEWE_TO_WXID ?? '' }),
])
try {
  const sent = await alert.send(process.argv[2] ?? 'Disk almost full on db-1')
  console.log(`sent via ${sent.vendor}, message id ${sent.messageId}`)
} catch (error) {
  if (!FallbackError.isInstance(error)) throw error
  for (const attempt of error.attempts) console.error(`${attempt.vendor}: ${String(attempt.error)}`)
  console.error(`delivery ${error.delivery}`)
  process.exitCode = 1
}
