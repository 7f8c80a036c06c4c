// Size budget app for @msg/feishu: one sendText, bundled for the browser with every dependency.
import { createFeishu } from '@msg/feishu'

const feishu = createFeishu({ tenantAccessToken: 't-pre-issued' })
void feishu.sendText({ chatId: 'oc_chat' }, 'hello')
