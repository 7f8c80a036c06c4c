// Size budget app for @msg/feishu rich messages: upload an image, then send it, bundled for the
// browser with every dependency (the lazily loaded rich code included).
import { createFeishu } from '@msg/feishu'

const feishu = createFeishu({ tenantAccessToken: 't-pre-issued' })
const { image_key } = await feishu.im.image.create({
  data: { image_type: 'message', image: new Uint8Array([0x89, 0x50, 0x4e, 0x47]) },
})
void feishu.sendMessage({ chatId: 'oc_chat' }, { msg_type: 'image', content: { image_key } })
