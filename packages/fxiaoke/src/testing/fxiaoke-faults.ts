import type { CommonFault } from '@msg/core/testing'

/**
 * Faults the fake can inject on sends (by default), besides the common ones: `token-expired` revokes
 * the token and answers 20016; `rate-limit` answers `code` (default 30004); `quota-exceeded` 30002;
 * `server-error` answers `code` (default -1, system busy) with HTTP `status` (default 200), after
 * accepting the message when `delivered`; `code` answers any `errorCode` (`msg` as `errorMessage`).
 * @see https://developer.fxiaoke.com/openapi_v2/en/start/guide/codes.html
 */
export type FxiaokeFault =
  | CommonFault
  | { kind: 'token-expired' }
  | { kind: 'rate-limit'; code?: 14001 | 30004 }
  | { kind: 'quota-exceeded' }
  | { kind: 'server-error'; status?: number; delivered?: boolean; code?: -1 | -2 | 50009 }
  | { kind: 'code'; code: number | string; msg?: string; status?: number }

/** The faults only Fxiaoke has (the common ones are applied by core). */
export type VendorFault = Exclude<FxiaokeFault, CommonFault>

/** What answering a fault needs from the fake. */
interface FaultTools {
  answer(
    errorCode: number | string,
    fields?: Record<string, unknown>,
    errorMessage?: string,
    status?: number,
  ): Response
  expireTokens(): void
  /** Handles the request normally (the message reaches the inbox). */
  deliver(): Promise<Response>
}

/** The fake's answer to a Fxiaoke fault. */
export async function answerFault(fault: VendorFault, tools: FaultTools): Promise<Response> {
  switch (fault.kind) {
    case 'code':
      return tools.answer(fault.code, {}, fault.msg, fault.status)
    case 'token-expired':
      tools.expireTokens()
      return tools.answer(20016)
    case 'rate-limit':
      return tools.answer(fault.code ?? 30004)
    case 'quota-exceeded':
      return tools.answer(30002)
    case 'server-error':
      if (fault.delivered) await tools.deliver()
      return tools.answer(fault.code ?? -1, {}, undefined, fault.status)
  }
}
