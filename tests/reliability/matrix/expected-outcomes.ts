import type { VendorName } from '../harness/vendor-kit.js'
import type { Outcome } from './run-cell.js'

/**
 * The expected outcome of every cell of the fault matrix, per principles 1–2 of DESIGN.md: a send
 * is retried only when the vendor provably did not process it (429, rate-limit and token codes, a
 * refused connection) or when a de-duplication key covers it (Feishu `uuid`, NetEase
 * `message_client_id`); everything else ambiguous surfaces as `delivery: 'unknown'` after exactly one
 * request. `delivered` above 1 would be a duplicate send; none is expected anywhere.
 */
export const expectedOutcomes: Record<string, Partial<Record<VendorName, Outcome>>> = {
  'http-429-once': {
    feishu: { result: 'sent', sendRequests: 2, delivered: 1, tokenRequests: 0 },
    gewe: { result: 'sent', sendRequests: 2, delivered: 1, tokenRequests: 0 },
    fxiaoke: { result: 'sent', sendRequests: 2, delivered: 1, tokenRequests: 0 },
    'netease-im': { result: 'sent', sendRequests: 2, delivered: 1, tokenRequests: 0 },
  },
  'http-429-persistent': {
    feishu: {
      result: 'RateLimitError',
      delivery: 'not-sent',
      retryable: true,
      sendRequests: 3,
      delivered: 0,
      tokenRequests: 0,
    },
    gewe: {
      result: 'RateLimitError',
      delivery: 'not-sent',
      retryable: true,
      sendRequests: 3,
      delivered: 0,
      tokenRequests: 0,
    },
    fxiaoke: {
      result: 'RateLimitError',
      delivery: 'not-sent',
      retryable: true,
      sendRequests: 3,
      delivered: 0,
      tokenRequests: 0,
    },
    'netease-im': {
      result: 'RateLimitError',
      delivery: 'not-sent',
      retryable: true,
      sendRequests: 3,
      delivered: 0,
      tokenRequests: 0,
    },
  },
  'rate-limit-code-a': {
    feishu: { result: 'sent', sendRequests: 2, delivered: 1, tokenRequests: 0 },
    fxiaoke: { result: 'sent', sendRequests: 2, delivered: 1, tokenRequests: 0 },
    'netease-im': {
      result: 'RateLimitError',
      delivery: 'not-sent',
      retryable: true,
      sendRequests: 1,
      delivered: 0,
      tokenRequests: 0,
    },
  },
  'rate-limit-code-b': {
    feishu: { result: 'sent', sendRequests: 2, delivered: 1, tokenRequests: 0 },
    fxiaoke: { result: 'sent', sendRequests: 2, delivered: 1, tokenRequests: 0 },
    'netease-im': { result: 'sent', sendRequests: 2, delivered: 1, tokenRequests: 0 },
  },
  'rate-limit-code-c': {
    feishu: { result: 'sent', sendRequests: 2, delivered: 1, tokenRequests: 0 },
  },
  'rate-limit-code-persistent': {
    feishu: {
      result: 'RateLimitError',
      delivery: 'not-sent',
      retryable: true,
      sendRequests: 3,
      delivered: 0,
      tokenRequests: 0,
    },
    fxiaoke: {
      result: 'RateLimitError',
      delivery: 'not-sent',
      retryable: true,
      sendRequests: 3,
      delivered: 0,
      tokenRequests: 0,
    },
    'netease-im': {
      result: 'RateLimitError',
      delivery: 'not-sent',
      retryable: true,
      sendRequests: 3,
      delivered: 0,
      tokenRequests: 0,
    },
  },
  'token-expired': {
    feishu: { result: 'sent', sendRequests: 2, delivered: 1, tokenRequests: 1 },
    gewe: {
      result: 'AuthError',
      delivery: 'not-sent',
      retryable: false,
      sendRequests: 1,
      delivered: 0,
      tokenRequests: 0,
    },
    fxiaoke: { result: 'sent', sendRequests: 2, delivered: 1, tokenRequests: 1 },
  },
  'token-endpoint-down': {
    feishu: {
      result: 'ResponseError',
      delivery: 'not-sent',
      sendRequests: 0,
      delivered: 0,
      tokenRequests: 3,
    },
    fxiaoke: {
      result: 'ResponseError',
      delivery: 'not-sent',
      sendRequests: 0,
      delivered: 0,
      tokenRequests: 3,
    },
  },
  'token-endpoint-slow': {
    feishu: { result: 'TimeoutError', delivery: 'not-sent', sendRequests: 0, delivered: 0, tokenRequests: 3 },
    fxiaoke: {
      result: 'TimeoutError',
      delivery: 'not-sent',
      sendRequests: 0,
      delivered: 0,
      tokenRequests: 3,
    },
  },
  'token-endpoint-garbage': {
    feishu: {
      result: 'ResponseError',
      delivery: 'not-sent',
      sendRequests: 0,
      delivered: 0,
      tokenRequests: 1,
    },
    fxiaoke: {
      result: 'ResponseError',
      delivery: 'not-sent',
      sendRequests: 0,
      delivered: 0,
      tokenRequests: 1,
    },
  },
  'html-500': {
    feishu: { result: 'sent', sendRequests: 2, delivered: 1, tokenRequests: 0 },
    gewe: { result: 'ResponseError', delivery: 'unknown', sendRequests: 1, delivered: 0, tokenRequests: 0 },
    fxiaoke: {
      result: 'ResponseError',
      delivery: 'unknown',
      sendRequests: 1,
      delivered: 0,
      tokenRequests: 0,
    },
    'netease-im': { result: 'sent', sendRequests: 2, delivered: 1, tokenRequests: 0 },
  },
  'html-502': {
    feishu: { result: 'sent', sendRequests: 2, delivered: 1, tokenRequests: 0 },
    gewe: { result: 'ResponseError', delivery: 'unknown', sendRequests: 1, delivered: 0, tokenRequests: 0 },
    fxiaoke: {
      result: 'ResponseError',
      delivery: 'unknown',
      sendRequests: 1,
      delivered: 0,
      tokenRequests: 0,
    },
    'netease-im': { result: 'sent', sendRequests: 2, delivered: 1, tokenRequests: 0 },
  },
  'html-503': {
    feishu: { result: 'sent', sendRequests: 2, delivered: 1, tokenRequests: 0 },
    gewe: { result: 'ResponseError', delivery: 'unknown', sendRequests: 1, delivered: 0, tokenRequests: 0 },
    fxiaoke: {
      result: 'ResponseError',
      delivery: 'unknown',
      sendRequests: 1,
      delivered: 0,
      tokenRequests: 0,
    },
    'netease-im': { result: 'sent', sendRequests: 2, delivered: 1, tokenRequests: 0 },
  },
  'html-502-persistent': {
    feishu: { result: 'ResponseError', delivery: 'unknown', sendRequests: 3, delivered: 0, tokenRequests: 0 },
    'netease-im': {
      result: 'ResponseError',
      delivery: 'unknown',
      sendRequests: 3,
      delivered: 0,
      tokenRequests: 0,
    },
  },
  refused: {
    feishu: { result: 'sent', sendRequests: 1, delivered: 1, tokenRequests: 0 },
    gewe: { result: 'sent', sendRequests: 1, delivered: 1, tokenRequests: 0 },
    fxiaoke: { result: 'sent', sendRequests: 1, delivered: 1, tokenRequests: 0 },
    'netease-im': { result: 'sent', sendRequests: 1, delivered: 1, tokenRequests: 0 },
  },
  'reset-before-processing': {
    feishu: { result: 'sent', sendRequests: 2, delivered: 1, tokenRequests: 0 },
    gewe: { result: 'NetworkError', delivery: 'unknown', sendRequests: 1, delivered: 0, tokenRequests: 0 },
    fxiaoke: { result: 'NetworkError', delivery: 'unknown', sendRequests: 1, delivered: 0, tokenRequests: 0 },
    'netease-im': { result: 'sent', sendRequests: 2, delivered: 1, tokenRequests: 0 },
  },
  'reset-after-processing': {
    feishu: { result: 'sent', sendRequests: 2, delivered: 1, tokenRequests: 0 },
    gewe: { result: 'NetworkError', delivery: 'unknown', sendRequests: 1, delivered: 1, tokenRequests: 0 },
    fxiaoke: { result: 'NetworkError', delivery: 'unknown', sendRequests: 1, delivered: 1, tokenRequests: 0 },
    'netease-im': { result: 'sent', sendRequests: 2, delivered: 1, tokenRequests: 0 },
  },
  timeout: {
    feishu: { result: 'sent', sendRequests: 2, delivered: 1, tokenRequests: 0 },
    gewe: { result: 'TimeoutError', delivery: 'unknown', sendRequests: 1, delivered: 1, tokenRequests: 0 },
    fxiaoke: { result: 'TimeoutError', delivery: 'unknown', sendRequests: 1, delivered: 1, tokenRequests: 0 },
    'netease-im': { result: 'sent', sendRequests: 2, delivered: 1, tokenRequests: 0 },
  },
  'truncated-json': {
    feishu: { result: 'ResponseError', delivery: 'unknown', sendRequests: 1, delivered: 0, tokenRequests: 0 },
    gewe: { result: 'ResponseError', delivery: 'unknown', sendRequests: 1, delivered: 0, tokenRequests: 0 },
    fxiaoke: {
      result: 'ResponseError',
      delivery: 'unknown',
      sendRequests: 1,
      delivered: 0,
      tokenRequests: 0,
    },
    'netease-im': {
      result: 'ResponseError',
      delivery: 'unknown',
      sendRequests: 1,
      delivered: 0,
      tokenRequests: 0,
    },
  },
  'invalid-json': {
    feishu: { result: 'ResponseError', delivery: 'unknown', sendRequests: 1, delivered: 0, tokenRequests: 0 },
    gewe: { result: 'ResponseError', delivery: 'unknown', sendRequests: 1, delivered: 0, tokenRequests: 0 },
    fxiaoke: {
      result: 'ResponseError',
      delivery: 'unknown',
      sendRequests: 1,
      delivered: 0,
      tokenRequests: 0,
    },
    'netease-im': {
      result: 'ResponseError',
      delivery: 'unknown',
      sendRequests: 1,
      delivered: 0,
      tokenRequests: 0,
    },
  },
  'wrong-shape': {
    feishu: { result: 'ResponseError', delivery: 'unknown', sendRequests: 1, delivered: 0, tokenRequests: 0 },
    gewe: { result: 'ResponseError', delivery: 'unknown', sendRequests: 1, delivered: 0, tokenRequests: 0 },
    fxiaoke: {
      result: 'ResponseError',
      delivery: 'unknown',
      sendRequests: 1,
      delivered: 0,
      tokenRequests: 0,
    },
    'netease-im': {
      result: 'ResponseError',
      delivery: 'unknown',
      sendRequests: 1,
      delivered: 0,
      tokenRequests: 0,
    },
  },
  'vendor-server-error-delivered': {
    feishu: { result: 'sent', sendRequests: 2, delivered: 1, tokenRequests: 0 },
    gewe: {
      result: 'VendorError',
      delivery: 'unknown',
      retryable: true,
      sendRequests: 1,
      delivered: 1,
      tokenRequests: 0,
    },
    fxiaoke: {
      result: 'VendorError',
      delivery: 'unknown',
      retryable: true,
      sendRequests: 1,
      delivered: 0,
      tokenRequests: 0,
    },
    'netease-im': { result: 'sent', sendRequests: 2, delivered: 1, tokenRequests: 0 },
  },
  'clock-skew': {
    'netease-im': {
      result: 'AuthError',
      delivery: 'not-sent',
      retryable: false,
      sendRequests: 1,
      delivered: 0,
      tokenRequests: 0,
    },
  },
}

/** Why a cell looks the way it does, where that is not obvious; rendered under the table. */
export const cellNotes: Partial<Record<string, Partial<Record<VendorName, string>>>> = {
  'rate-limit-code-a': {
    'netease-im':
      '416 blocks the app for a minute, longer than `retry.maxRetryAfter` (5 s here): surfaced, not waited out',
  },
  'token-expired': {
    gewe: 'the X-GEWE-TOKEN is static: nothing to refresh, the caller must supply a new token',
  },
  'truncated-json': {
    feishu:
      'core retries a de-duplicated send only on 5xx/408 answers; a broken HTTP 200 surfaces as unknown',
    'netease-im': 'as Feishu: a broken HTTP 200 surfaces as unknown',
  },
  timeout: {
    gewe: 'the fake processes the request after the client gave up: delivered, and the caller was told `unknown`',
    fxiaoke: 'as GeWe',
  },
  'reset-after-processing': {
    feishu: 'the retry reuses the uuid; the vendor de-duplicates it: one message',
    'netease-im': 'the retry reuses message_client_id; the vendor de-duplicates it: one message',
  },
}
