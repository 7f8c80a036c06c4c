import { describe, expect, it } from 'vitest'
import { geweCallbackJson, geweMaxNewMsgId, geweTextCallback } from '../testing/index.js'
import { readGewePayload } from './gewe-payload.js'

// GeWe's documented example, verbatim: NewMsgId is beyond 2^53.
const documented = `{"TypeName":"AddMsg","Appid":"wx_wR_U4zPj2M_OTS3BCyoE4","Wxid":"wxid_phyyedw9xap22",
 "Data":{"MsgId":1040356095,"FromUserName":{"string":"wxid_phyyedw9xap22"},"ToUserName":{"string":"wxid_0xsqb3o0tsvz22"},
  "MsgType":1,"Content":{"string":"123"},"Status":3,"ImgStatus":1,"ImgBuf":{"iLen":0},
  "CreateTime":1705043418,"MsgSource":"<msgsource></msgsource>","PushContent":"朝夕。 : 123",
  "NewMsgId":7773749793478223190,"MsgSeq":640356095}}`

describe('readGewePayload', () => {
  it('keeps every digit of NewMsgId and makes MsgId a string, keyed Appid:NewMsgId', () => {
    const payload = readGewePayload(documented)
    expect(payload).toMatchObject({
      kind: 'callback',
      keys: ['wx_wR_U4zPj2M_OTS3BCyoE4:7773749793478223190'],
      callback: { Data: { NewMsgId: '7773749793478223190', MsgId: '1040356095', MsgSeq: 640356095 } },
    })
  })

  it('reads the largest 64-bit id written as a raw number', () => {
    const text = geweCallbackJson(geweTextCallback('x', { newMsgId: geweMaxNewMsgId }))
    expect(text).toContain(`"NewMsgId":${geweMaxNewMsgId}`)
    const payload = readGewePayload(text)
    expect(payload.kind === 'callback' && payload.keys).toEqual([`wx_fake_app:${geweMaxNewMsgId}`])
  })

  it('passes other version 1 events through without a key, Offline without Data', () => {
    const offline = readGewePayload('{"TypeName":"Offline","Appid":"wx_a","Wxid":"wxid_b"}')
    expect(offline).toEqual({
      kind: 'callback',
      keys: [],
      callback: { TypeName: 'Offline', Appid: 'wx_a', Wxid: 'wxid_b' },
    })
    const mod = readGewePayload(
      '{"TypeName":"ModContacts","Appid":"wx_a","Data":{"UserName":{"string":"x"}}}',
    )
    expect(mod).toMatchObject({ kind: 'callback', keys: [] })
  })

  it('passes a flat version 2 callback through, keyed appid:newMsgId when it has one', () => {
    const v2 = readGewePayload('{"appid":"wx_a","wxid":"w","newMsgId":9223372036854775807,"msgId":0}')
    expect(v2).toEqual({
      kind: 'callback',
      keys: ['wx_a:9223372036854775807'],
      callback: { appid: 'wx_a', wxid: 'w', newMsgId: '9223372036854775807', msgId: '0' },
    })
    expect(readGewePayload('{"appid":"wx_a","type":"LOGOUT"}')).toMatchObject({ kind: 'callback', keys: [] })
  })

  it('recognises the set-up control packets', () => {
    expect(readGewePayload('{"testMsg":"回调地址链接成功！","token":"t"}')).toEqual({ kind: 'control' })
    expect(readGewePayload('{"msg":"设置订阅成功!!","callBackUrl":"http://x"}')).toEqual({ kind: 'control' })
  })

  it.each([
    ['not json', 'not JSON'],
    ['[1]', 'not a JSON object'],
    ['{"hello":1}', 'neither a callback'],
    ['{"TypeName":"AddMsg"}', 'Appid missing'],
    ['{"TypeName":"AddMsg","Appid":"a","Data":[]}', 'Data not an object'],
    ['{"TypeName":"AddMsg","Appid":"a","Data":{"MsgType":1}}', 'Data.NewMsgId missing'],
    ['{"TypeName":"AddMsg","Appid":"a","Data":{"NewMsgId":"x1"}}', 'not an integer'],
    ['{"TypeName":"AddMsg","Appid":"a","Data":{"NewMsgId":1.5}}', 'not an integer'],
    ['{"TypeName":"AddMsg","Appid":"a","Data":{"NewMsgId":1,"MsgType":1}}', 'FromUserName'],
    ['{"TypeName":"AddMsg","Appid":"a","Data":{"NewMsgId":1,"FromUserName":{"string":"w"}}}', 'MsgType'],
    ['{"appid":"a","newMsgId":true}', 'not an integer'],
  ])('refuses %s', (text, reason) => {
    const payload = readGewePayload(text)
    expect(payload.kind).toBe('malformed')
    expect(payload.kind === 'malformed' && payload.reason).toContain(reason)
  })
})
