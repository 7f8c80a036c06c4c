// Size budget app for @msg/netease-im: one sendText, bundled for the browser with every dependency.
import { createNeteaseIm } from '@msg/netease-im'

const netease = createNeteaseIm({ baseURL: 'https://proxy.example/netease' })
void netease.sendText({ from: 'sender', to: 'friend', type: 'p2p' }, 'hello')
