// Size budget app for @msg/fxiaoke rich messages: upload an image, then send a composite card,
// bundled for the browser with every dependency (the lazily loaded rich code included).
import { createFxiaoke } from '@msg/fxiaoke'

const fxiaoke = createFxiaoke({ accessToken: 'pre-issued-token', ea: 'ea', userId: 'FSUID_sender' })
const { mediaId } = await fxiaoke.media.upload({
  media: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
})
void fxiaoke.message.send({
  toUser: ['FSUID_friend'],
  msgType: 'composite',
  composite: {
    head: { title: 'Report ready' },
    first: { content: `chart ${mediaId}` },
    link: { title: 'Open', url: 'https://example.com/report' },
  },
})
