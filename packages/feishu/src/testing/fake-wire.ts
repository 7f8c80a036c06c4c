import { randomHex } from '@msg/core'
import type { RecordedRequest } from '@msg/core/testing'

/** A log id shaped like Feishu's `X-Tt-Logid`. */
export function newLogId(): string {
  return `2026${randomHex(15)}`.toUpperCase()
}

/** A Feishu-style JSON reply: `X-Tt-Logid` header, `application/json; charset=utf-8`. */
export function feishuJson(
  body: Record<string, unknown>,
  status = 200,
  headers: Record<string, string> = {},
  logId: string = newLogId(),
): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'x-tt-logid': logId, ...headers },
  })
}

/** `{ code: 0, msg: 'success', data }`. */
export function feishuData(data: unknown): Response {
  return feishuJson({ code: 0, msg: 'success', data })
}

/** A failure envelope with the newer gateways' `error.log_id`. */
export function feishuFailure(
  code: number,
  msg: string,
  status: number,
  headers: Record<string, string> = {},
  logId: string = newLogId(),
): Response {
  const troubleshooter = `排查建议查看(Troubleshooting suggestions): https://open.feishu.cn/search?log_id=${logId}&code=${code}`
  return feishuJson({ code, msg, error: { log_id: logId, troubleshooter } }, status, headers, logId)
}

/** A few of Feishu's messages for the codes the fake answers with. */
export const fakeMessages: Record<number, string> = {
  9499: 'Bad Request',
  10003: 'invalid param',
  10014: 'app secret invalid',
  99991672: 'Access denied. One of the following scopes is required: [im:message, im:message:send_as_bot].',
  99991400: 'request trigger frequency limit',
  99991661: 'Missing access token for authorization. Please make a request with token attached.',
  99991663: 'Invalid access token for authorization. Please make a request with token attached.',
  230001: "Your request contains an invalid request parameter, ext=invalid receive_id_type '' ",
  230020: 'This operation triggers the frequency limit.',
  11232: 'create message trigger rate limit',
  11233: 'chat trigger rate limit',
  230025: 'The length of the message content reaches its limit.',
  2200: 'Internal Server Error',
}

/**
 * One request the fake saw, for shape assertions.
 * @see README.md#testing-kit-msgfeishutesting
 */
export type FeishuFakeRequest = RecordedRequest
