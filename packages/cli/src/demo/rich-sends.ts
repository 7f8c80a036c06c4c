import type { SentMessage } from '@msg/core'
import type { Sandbox } from '../sandbox/start-sandbox.js'
import type { VendorName } from '../vendors/vendor-spec.js'
import type { DemoClients } from './demo-clients.js'

/** One rich send of the demo: what kind of message it is, and what the vendor answered. */
export type RichSend = (
  clients: DemoClients,
  sandbox: Sandbox,
) => Promise<{ kind: string; sent: SentMessage }>

/** Each vendor's best rich message, sent to the sandbox's sample target. */
export const richSends: Readonly<Record<VendorName, RichSend>> = {
  gewe: async ({ gewe }) => ({ kind: 'text', sent: await gewe.channel.send('hello from msg demo via gewe') }),
  feishu: async ({ feishu }) => ({
    kind: 'text',
    sent: await feishu.channel.send('hello from msg demo via feishu'),
  }),
  fxiaoke: async ({ fxiaoke }) => ({
    kind: 'text',
    sent: await fxiaoke.channel.send('hello from msg demo via fxiaoke'),
  }),
  'netease-im': async ({ 'netease-im': netease }) => ({
    kind: 'text',
    sent: await netease.channel.send('hello from msg demo via netease-im'),
  }),
}
