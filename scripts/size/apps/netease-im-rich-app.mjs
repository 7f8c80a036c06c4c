// Size budget app for @msg/netease-im rich messages: send an image message, then recall it, bundled
// for the browser with every dependency (the lazily loaded rich code included).
import { conversationId, createNeteaseIm } from '@msg/netease-im'

const netease = createNeteaseIm({ baseURL: 'https://proxy.example/netease' })
const conversation = conversationId({ senderId: 'sender', type: 'p2p', receiverId: 'friend' })
const sent = await netease.conversation.sendMessage(conversation, {
  message: {
    message_type: 1,
    attachment: { url: 'https://cdn.example/cat.png', md5: '0123456789abcdef0123456789abcdef', ext: 'png' },
  },
})
if (sent.message_server_id)
  await netease.conversation.recallMessage(conversation, sent.message_server_id, { type: 2 })
