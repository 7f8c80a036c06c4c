import type { VendorName } from '../harness/vendor-kit.js'
import type { Injection } from './run-cell.js'

/** One row of the matrix: a fault, how it is produced at each vendor, or why it does not apply there. */
export interface FaultRow {
  id: string
  /** What happens on the wire, for the doc. */
  fault: string
  /** Send once before injecting, so a token is cached (default true). */
  warm?: boolean
  inject: Partial<Record<VendorName, Injection[]>>
  notApplicable?: Partial<Record<VendorName, string>>
}

const everywhere = (injection: Injection) => ({
  feishu: [injection],
  gewe: [injection],
  fxiaoke: [injection],
  'netease-im': [injection],
})

const tokenVendorsOnly = {
  gewe: 'static X-GEWE-TOKEN, no token endpoint',
  'netease-im': 'signed per request (CheckSum), no token endpoint',
}

/** The faults of the matrix and how each vendor's fake (or the harness in front of it) produces them. */
export const faultRows: FaultRow[] = [
  {
    id: 'http-429-once',
    fault:
      'HTTP 429 with a reset header (Feishu 99991400 + x-ogw-ratelimit-reset; others a gateway 429 + Retry-After), once',
    inject: {
      feishu: [{ at: 'fake', fault: { kind: 'rate-limit', code: 99991400, resetSeconds: 0 }, times: 1 }],
      gewe: [{ at: 'harness', fault: { kind: 'http-429', retryAfterSeconds: 0 }, times: 1 }],
      fxiaoke: [{ at: 'harness', fault: { kind: 'http-429', retryAfterSeconds: 0 }, times: 1 }],
      'netease-im': [{ at: 'harness', fault: { kind: 'http-429', retryAfterSeconds: 0 }, times: 1 }],
    },
  },
  {
    id: 'http-429-persistent',
    fault: 'HTTP 429 with a reset header on every attempt (budget: 2 retries)',
    inject: {
      feishu: [{ at: 'fake', fault: { kind: 'rate-limit', code: 99991400, resetSeconds: 0 }, times: 3 }],
      gewe: [{ at: 'harness', fault: { kind: 'http-429', retryAfterSeconds: 0 }, times: 3 }],
      fxiaoke: [{ at: 'harness', fault: { kind: 'http-429', retryAfterSeconds: 0 }, times: 3 }],
      'netease-im': [{ at: 'harness', fault: { kind: 'http-429', retryAfterSeconds: 0 }, times: 3 }],
    },
  },
  {
    id: 'rate-limit-code-a',
    fault: 'Rate-limit code in the body, once (Feishu 230020 per chat, Fxiaoke 30004, NetEase 416)',
    inject: {
      feishu: [{ at: 'fake', fault: { kind: 'rate-limit', code: 230020 }, times: 1 }],
      fxiaoke: [{ at: 'fake', fault: { kind: 'rate-limit' }, times: 1 }],
      'netease-im': [{ at: 'fake', fault: { kind: 'rate-limit', code: 416 }, times: 1 }],
    },
    notApplicable: { gewe: 'GeWe documents no rate-limit code; the client paces instead' },
  },
  {
    id: 'rate-limit-code-b',
    fault: 'Rate-limit code in the body, once (Feishu 11232 global v4, Fxiaoke 14001, NetEase 107323)',
    inject: {
      feishu: [{ at: 'fake', fault: { kind: 'rate-limit', code: 11232 }, times: 1 }],
      fxiaoke: [
        {
          at: 'fake',
          fault: { kind: 'code', code: 14001, msg: 'interface call limit' },
          times: 1,
        },
      ],
      'netease-im': [{ at: 'fake', fault: { kind: 'rate-limit', code: 107323 }, times: 1 }],
    },
    notApplicable: { gewe: 'GeWe documents no rate-limit code; the client paces instead' },
  },
  {
    id: 'rate-limit-code-c',
    fault: 'Rate-limit code in the body, once (Feishu 11233 per chat v4)',
    inject: { feishu: [{ at: 'fake', fault: { kind: 'rate-limit', code: 11233 }, times: 1 }] },
    notApplicable: {
      gewe: 'no rate-limit code',
      fxiaoke: 'covered by the rows above',
      'netease-im': 'covered by the rows above',
    },
  },
  {
    id: 'rate-limit-code-persistent',
    fault: 'Rate-limit code on every attempt (budget: 2 retries)',
    inject: {
      feishu: [{ at: 'fake', fault: { kind: 'rate-limit', code: 230020 }, times: 3 }],
      fxiaoke: [{ at: 'fake', fault: { kind: 'rate-limit' }, times: 3 }],
      'netease-im': [{ at: 'fake', fault: { kind: 'rate-limit', code: 107323 }, times: 3 }],
    },
    notApplicable: { gewe: 'no rate-limit code' },
  },
  {
    id: 'token-expired',
    fault: 'Token expired mid-run (the cached token is rejected with the vendor token code)',
    inject: {
      feishu: [{ at: 'fake', fault: { kind: 'token-expired' }, times: 1 }],
      gewe: [{ at: 'fake', fault: { kind: 'auth-failed' }, times: 1 }],
      fxiaoke: [{ at: 'fake', fault: { kind: 'token-expired' }, times: 1 }],
    },
    notApplicable: { 'netease-im': 'signed per request (CheckSum), no token to expire' },
  },
  {
    id: 'token-endpoint-down',
    fault: 'Token endpoint down: HTML 503 on every token request (cold cache)',
    warm: false,
    inject: {
      feishu: [{ at: 'fake', fault: { kind: 'html', status: 503 }, times: 3, on: 'token' }],
      fxiaoke: [{ at: 'fake', fault: { kind: 'html', status: 503 }, times: 3, on: 'token' }],
    },
    notApplicable: tokenVendorsOnly,
  },
  {
    id: 'token-endpoint-slow',
    fault: 'Token endpoint slower than the timeout on every attempt (cold cache)',
    warm: false,
    inject: {
      feishu: [{ at: 'fake', fault: { kind: 'delay', ms: 1600 }, times: 3, on: 'token' }],
      fxiaoke: [{ at: 'fake', fault: { kind: 'delay', ms: 1600 }, times: 3, on: 'token' }],
    },
    notApplicable: tokenVendorsOnly,
  },
  {
    id: 'token-endpoint-garbage',
    fault: 'Token endpoint answers HTTP 200 with truncated JSON (cold cache)',
    warm: false,
    inject: {
      feishu: [{ at: 'fake', fault: { kind: 'broken-body' }, times: 1, on: 'token' }],
      fxiaoke: [{ at: 'fake', fault: { kind: 'broken-body' }, times: 1, on: 'token' }],
    },
    notApplicable: tokenVendorsOnly,
  },
  {
    id: 'html-500',
    fault: 'HTTP 500 with an HTML page, once',
    inject: everywhere({ at: 'fake', fault: { kind: 'html', status: 500 }, times: 1 }),
  },
  {
    id: 'html-502',
    fault: 'HTTP 502 with an HTML page, once',
    inject: everywhere({ at: 'fake', fault: { kind: 'html', status: 502 }, times: 1 }),
  },
  {
    id: 'html-503',
    fault: 'HTTP 503 with an HTML page, once',
    inject: everywhere({ at: 'fake', fault: { kind: 'html', status: 503 }, times: 1 }),
  },
  {
    id: 'html-502-persistent',
    fault: 'HTTP 502 with an HTML page on every attempt (budget: 2 retries)',
    inject: {
      feishu: [{ at: 'fake', fault: { kind: 'html', status: 502 }, times: 3 }],
      'netease-im': [{ at: 'fake', fault: { kind: 'html', status: 502 }, times: 3 }],
    },
    notApplicable: {
      gewe: 'a 5xx is never retried without a de-duplication key: same as the single 502',
      fxiaoke: 'a 5xx is never retried without a de-duplication key: same as the single 502',
    },
  },
  {
    id: 'refused',
    fault: 'Connection refused (nothing listening), once: the request was never written',
    inject: everywhere({ at: 'harness', fault: { kind: 'refused' }, times: 1 }),
  },
  {
    id: 'reset-before-processing',
    fault: 'Connection reset after the request was written, before the vendor processed it, once',
    inject: everywhere({ at: 'fake', fault: { kind: 'drop' }, times: 1 }),
  },
  {
    id: 'reset-after-processing',
    fault: 'Connection reset after the vendor processed the request (the answer is lost), once',
    inject: everywhere({ at: 'harness', fault: { kind: 'reset-after-processing' }, times: 1 }),
  },
  {
    id: 'timeout',
    fault: 'No answer within the timeout (the vendor processes the request late), once',
    inject: everywhere({ at: 'fake', fault: { kind: 'delay', ms: 1600 }, times: 1 }),
  },
  {
    id: 'truncated-json',
    fault: 'HTTP 200 with truncated JSON, once',
    inject: everywhere({ at: 'fake', fault: { kind: 'broken-body' }, times: 1 }),
  },
  {
    id: 'invalid-json',
    fault: 'HTTP 200 with a body that is not JSON, once',
    inject: everywhere({ at: 'harness', fault: { kind: 'invalid-json' }, times: 1 }),
  },
  {
    id: 'wrong-shape',
    fault: 'HTTP 200 with valid JSON that is not the vendor envelope, once',
    inject: everywhere({ at: 'harness', fault: { kind: 'wrong-shape' }, times: 1 }),
  },
  {
    id: 'vendor-server-error-delivered',
    fault:
      "The vendor's own server-error code (Feishu HTTP 500, GeWe ret 500 and NetEase 500 after storing the message; Fxiaoke -1 system busy), once",
    inject: {
      feishu: [{ at: 'fake', fault: { kind: 'server-error', delivered: true }, times: 1 }],
      gewe: [{ at: 'fake', fault: { kind: 'server-error' }, times: 1 }],
      fxiaoke: [{ at: 'fake', fault: { kind: 'server-error' }, times: 1 }],
      'netease-im': [{ at: 'fake', fault: { kind: 'server-error', delivered: true }, times: 1 }],
    },
  },
  {
    id: 'clock-skew',
    fault:
      "NetEase: the server's clock is 10 minutes ahead, so the CheckSum's CurTime is rejected (414), once",
    inject: { 'netease-im': [{ at: 'fake', fault: { kind: 'clock-skew', seconds: 600 }, times: 1 }] },
    notApplicable: {
      feishu: 'no client timestamp in requests',
      gewe: 'no client timestamp in requests',
      fxiaoke: 'no client timestamp in requests',
    },
  },
]
