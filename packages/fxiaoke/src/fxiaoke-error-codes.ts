import { createCodeClassifier } from '@msg/core'

/**
 * Fxiaoke `errorCode` → how the client handles it. Success is `errorCode: 0` only; `errorMessage`
 * is never consulted. Unlisted codes are `permanent` (a `VendorError` keeping the raw code).
 * @see https://developer.fxiaoke.com/openapi_v2/en/start/guide/codes.html
 */
export const classifyFxiaokeCode = createCodeClassifier(
  {
    // Token rejected: 20016 token missing or expired (v2), 20005 token expired (legacy),
    // 11014 invalid corpAccessToken. Invalidate, refresh once, retry once with a new thirdTraceId.
    token: [20016, 20005, 11014],
    // Credentials or configuration: 10006 bad appSecret (seen at the token endpoint), 20006 wrong
    // appId/appSecret, 20015 wrong permanentCode, 20017 no credentials for the corp, 11015 invalid
    // corpId, 15003 app lacks access, 20014/20020-20023 app disabled or unauthorized. Not retried.
    auth: [10006, 20006, 20015, 20017, 11015, 15003, 20014, 20020, 20021, 20022, 20023],
    // 14001 interface call limit, 30004 per-second frequency: not processed, retried with backoff.
    'rate-limit': [14001, 30004],
    // -1 system busy, -2 system error, 50009 service exception: delivery unknown. Fxiaoke has no
    // de-duplication key, so these are never resent.
    transient: [-1, -2, 50009],
    // 30002 daily quota exceeded (resets 00:00), 30003 no OpenAPI quota; recipient and content codes
    // 10015, 11016, 11017, 12003, 12004, 12005, 20012, 30027 (and every unknown code) are permanent.
    permanent: [30002, 30003],
  },
  'permanent',
)
