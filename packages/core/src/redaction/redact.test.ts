import { describe, expect, it } from 'vitest'
import { redactedMarker, redactHeaders, redactText, redactValue } from './redact.js'

describe('redaction', () => {
  it('redacts every secret header form', () => {
    const headers = redactHeaders({
      Authorization: 'Bearer t-abc123456',
      'X-GEWE-TOKEN': 'gewe-token-1',
      CheckSum: 'c0b87c883bf8a70941d7e81c14cc7c7e7ccd3ba2',
      AppKey: 'app-key-1',
      Nonce: 'nonce-1',
      CurTime: '1700000000',
      'x-fs-ea': 'ea-1',
      'content-type': 'application/json',
    })
    expect(headers).toEqual({
      authorization: redactedMarker,
      'x-gewe-token': redactedMarker,
      checksum: redactedMarker,
      appkey: redactedMarker,
      nonce: redactedMarker,
      curtime: redactedMarker,
      'x-fs-ea': 'ea-1',
      'content-type': 'application/json',
    })
  })

  it('redacts secret body fields at any depth', () => {
    const body = {
      app_id: 'cli_1',
      app_secret: 's3cret-value',
      appSecret: 's3cret-value',
      permanentCode: 'perm-code',
      corpAccessToken: 'corp-token',
      accessToken: 'access-token',
      tenant_access_token: 't-abc',
      nested: [{ token: 'tok-1', keep: 'visible' }],
      tokenRejected: true,
    }
    const redacted = redactValue(body) as Record<string, unknown>
    expect(redacted).toEqual({
      app_id: 'cli_1',
      app_secret: redactedMarker,
      appSecret: redactedMarker,
      permanentCode: redactedMarker,
      corpAccessToken: redactedMarker,
      accessToken: redactedMarker,
      tenant_access_token: redactedMarker,
      nested: [{ token: redactedMarker, keep: 'visible' }],
      tokenRejected: true,
    })
    expect(body.app_secret).toBe('s3cret-value')
  })

  it('redacts access_token in URLs and Bearer credentials and known values in text', () => {
    expect(redactText('https://x.test/api?access_token=abc&x=1')).toBe(
      `https://x.test/api?access_token=${redactedMarker}&x=1`,
    )
    expect(redactText('header Authorization: Bearer t-123abc was refused')).toBe(
      `header Authorization: Bearer ${redactedMarker} was refused`,
    )
    expect(redactText('X-GEWE-TOKEN=gewe-token-1 不可用或已过期', ['gewe-token-1'])).toBe(
      `X-GEWE-TOKEN=${redactedMarker} 不可用或已过期`,
    )
    expect(redactValue({ note: 'token is my-secret-1' }, ['my-secret-1'])).toEqual({
      note: `token is ${redactedMarker}`,
    })
  })
})
