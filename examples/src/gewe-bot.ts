// A GeWe (WeChat) bot: "ping" gets "pong", other texts are echoed; replies are paced per appId like
// every send. Run: node examples/dist/gewe-bot.js, then point GeWe's callback (tools/setCallback) at it.
//   GEWE_TOKEN                  the X-GEWE-TOKEN, for the replies
//   GEWE_CALLBACK_SECRET        a shared secret the callbacks must carry (GeWe signs nothing: without
//   GEWE_CALLBACK_SECRET_IN     it anyone can post here); in the URL's last segment (path) or a header
//   PORT, GEWE_BASE_URL         default 3000; optional: msg sandbox's GeWe URL, to try it locally
import { createServer } from 'node:http'
import { toNodeListener } from '@msg/core/node'
import { createGewe } from '@msg/gewe'
import { createGeweWebhook } from '@msg/gewe/webhook'

const env = process.env
const webhook = createGeweWebhook({
  ...(env.GEWE_CALLBACK_SECRET ? { secret: env.GEWE_CALLBACK_SECRET } : {}),
  secretIn: env.GEWE_CALLBACK_SECRET_IN === 'header' ? 'header' : 'path',
  client: createGewe({
    token: env.GEWE_TOKEN ?? '',
    ...(env.GEWE_BASE_URL ? { baseURL: env.GEWE_BASE_URL } : {}),
  }),
  onMessage: async (message) => {
    await message.reply(message.text === 'ping' ? 'pong' : `echo: ${message.text ?? '(no text)'}`)
  },
})
const server = createServer(toNodeListener(webhook)).listen(Number(env.PORT ?? 3000), '127.0.0.1', () => {
  const { port } = server.address() as { port: number }
  console.log(`gewe bot on http://127.0.0.1:${port}/gewe/events`)
})
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => server.close())
