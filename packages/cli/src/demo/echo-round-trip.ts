import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { InboundMessage, SentMessage } from '@msg/core'
import { toNodeListener } from '@msg/core/node'
import type { SandboxInbound } from '@msg/core/testing'

/** What one echo round trip saw: the user's message as the bot heard it, and the bot's reply. */
export interface EchoRoundTrip {
  heard: InboundMessage
  reply: SentMessage
}

/**
 * An echo bot the way a user runs one: the vendor's webhook (`create<Vendor>Webhook` with the
 * sandbox's secrets and a client pointed at the sandbox) on a real `node:http` server on 127.0.0.1,
 * whose `onMessage` replies "pong". The sandbox user writes "ping" (the fake pushes a signed event);
 * resolves once the reply was sent, or throws if the webhook refused the push.
 */
export async function echoRoundTrip(inbound: SandboxInbound, client: unknown): Promise<EchoRoundTrip> {
  let replied: EchoRoundTrip | undefined
  const webhook = inbound.createWebhook({
    client,
    onMessage: async (message) => {
      if (message.text !== 'ping') return
      replied = { heard: message, reply: await message.reply('pong') }
    },
  })
  const server = createServer(toNodeListener(webhook))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  try {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook`
    const { status } = await inbound.say(url, 'ping')
    if (status !== 200) throw new Error(`the webhook answered the push with ${status}`)
    if (!replied) throw new Error('the webhook answered 200 but onMessage did not reply')
    return replied
  } finally {
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
  }
}
