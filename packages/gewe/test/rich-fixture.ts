import { type ServedHandler, serve } from '@msg/core/testing'
import { afterAll, afterEach, beforeAll } from 'vitest'
import { createGewe, type GeweClient } from '../src/index.js'
import { createGeweFake } from '../src/testing/index.js'

// Shared by the rich-message end-to-end tests: one GeWe fake served on 127.0.0.1 per test file,
// knowing one device, with the ids it issues pinned per test through `issue(...)`.
export const token = 'e2e-rich-token-0123'
export const appId = 'wx_device_1'
export const toWxid = '34757816141@chatroom'
/** The largest signed 64-bit integer: far beyond what a double holds exactly. */
export const max = '9223372036854775807'
let ids: string[] = []
/** The `newMsgId`s the fake issues next, in order (then its default). */
export const issue = (...next: string[]) => {
  ids = next
}
export const fake = createGeweFake({
  token,
  appIds: [appId],
  now: () => 1_704_163_145,
  newMsgId: () => ids.shift() ?? '7773749793478223190',
})
let server: ServedHandler

/** Serves the fake for the calling test file and empties it after every test. */
export function serveFake(): void {
  beforeAll(async () => {
    server = await serve(fake.handle)
  })
  afterAll(() => server.close())
  afterEach(() => {
    fake.reset()
    ids = []
  })
}

/** A client of the served fake, unpaced unless `settings` say otherwise. */
export const client = (settings = {}): GeweClient =>
  createGewe({ token, baseURL: `${server.url}/gewe/v2/api`, pacing: false, ...settings })

const xml =
  '<?xml version="1.0"?>\n<msg><img aeskey="294774c8" cdnmidimgurl="3057" length="1024" md5="ab"/></msg>'
const appmsg = '<appmsg appid="" sdkver="0"><title>引用</title><type>57</type></appmsg>'

/** Every rich send: its method, its own fields (besides appId, toWxid) and the `type` it answers. */
export const sends = [
  ['postImage', { imgUrl: 'https://cdn.example.com/a.png' }, null],
  ['postFile', { fileUrl: 'https://cdn.example.com/a909.xls?q-sign=1', fileName: 'a909.xls' }, 6],
  [
    'postLink',
    { title: '标题', desc: '描述', linkUrl: 'https://example.com/a', thumbUrl: 'http://example.com/t.jpg' },
    5,
  ],
  [
    'postVideo',
    {
      videoUrl: 'https://cdn.example.com/v.mp4',
      thumbUrl: 'https://cdn.example.com/v.jpg',
      videoDuration: 10,
    },
    null,
  ],
  ['postVoice', { voiceUrl: 'https://cdn.example.com/a.silk', voiceDuration: 2000 }, 34],
  ['postNameCard', { nickName: '谭艳', nameCardWxid: 'wxid_0xsqb3o0tsvz22' }, 42],
  ['postEmoji', { emojiMd5: '4cc7540a85b5b6cf4ba14e9f4ae08b7c', emojiSize: 102357 }, 47],
  ['postAppMsg', { appmsg }, 49],
  [
    'postMiniApp',
    {
      miniAppId: 'wx1f9ea355b47256dd',
      displayName: '百果园+',
      pagePath: 'pages/homeDelivery/index.html',
      coverImgUrl: 'https://cdn.example.com/cover.jpg',
      title: '最快29分钟 好吃水果送到家',
      userName: 'gh_690acf47ea05@app',
    },
    33,
  ],
  ['forwardImage', { xml }, null],
  ['forwardFile', { xml: '<?xml version="1.0"?>\n<msg><appmsg><type>6</type></appmsg></msg>' }, 6],
  ['forwardVideo', { xml: '<msg><videomsg aeskey="5c51" cdnvideourl="3057" length="490566"/></msg>' }, null],
  ['forwardUrl', { xml: '<msg><appmsg><type>5</type></appmsg></msg>' }, 5],
  [
    'forwardMiniApp',
    { xml: '<msg><appmsg><type>33</type></appmsg></msg>', coverImgUrl: 'http://dummyimage.com/400x400' },
    33,
  ],
] as const

export type SendName = (typeof sends)[number][0]
export const call = (gewe: GeweClient, name: SendName, body: unknown) =>
  (gewe.message[name] as unknown as (body: unknown) => Promise<Record<string, unknown>>)(body)
