import { conversationId } from '@msg/netease-im'
import type { VendorName } from '../vendors/vendor-spec.js'
import type { DemoClients } from './demo-clients.js'

/** One rich send of the demo: what kind of message it is, and the ids the vendor answered with. */
export type RichSend = (clients: DemoClients) => Promise<{ kind: string; ids: string }>

const statusUrl = 'https://status.example.com/deploys/241'

/** Each vendor's best rich message, sent to the sandbox's sample target through the vendor's own API. */
export const richSends: Readonly<Record<VendorName, RichSend>> = {
  gewe: async ({ gewe }) => {
    const sent = await gewe.client.message.postLink({
      ...gewe.target,
      title: 'Deploy 241 finished',
      desc: 'api v2.4.1 is live on all regions',
      linkUrl: statusUrl,
      thumbUrl: 'https://status.example.com/logo.png',
    })
    return { kind: 'link', ids: `newMsgId ${sent.newMsgId}` }
  },
  feishu: async ({ feishu }) => {
    const sent = await feishu.client.sendMessage(feishu.target, {
      msg_type: 'interactive',
      content: {
        schema: '2.0',
        header: { title: { tag: 'plain_text', content: 'Deploy 241 finished' }, template: 'green' },
        body: { elements: [{ tag: 'markdown', content: '**api v2.4.1** is live on all regions' }] },
      },
    })
    return { kind: 'card', ids: `message id ${sent.messageId}` }
  },
  fxiaoke: async ({ fxiaoke }) => {
    const sent = await fxiaoke.client.message.send({
      ...fxiaoke.target,
      msgType: 'composite',
      composite: {
        head: { title: 'Deploy 241 finished' },
        first: { content: 'api v2.4.1 is live on all regions' },
        link: { title: 'Details', url: statusUrl },
      },
    })
    return { kind: 'composite', ids: `trace id ${sent.traceId}` }
  },
  'netease-im': async ({ 'netease-im': netease }) => {
    const { from, to } = netease.target
    const conversation = conversationId({ senderId: from, type: 'p2p', receiverId: to })
    const sent = await netease.client.conversation.sendMessage(conversation, {
      message: {
        message_type: 1,
        attachment: {
          url: 'https://status.example.com/graph.png',
          md5: 'd41d8cd98f00b204e9800998ecf8427e',
          w: 640,
          h: 360,
        },
      },
    })
    return { kind: 'image', ids: `message_server_id ${sent.message_server_id}` }
  },
}
