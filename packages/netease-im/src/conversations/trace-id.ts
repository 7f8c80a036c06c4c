import { type CallOptions, randomUuid } from '@msg/core'

/** The caller's `X-custom-traceid` header (any letter case), if set. */
export function callerTraceId(options: CallOptions | undefined): string | undefined {
  return (options?.headers && new Headers(options.headers).get('x-custom-traceid')) ?? undefined
}

/**
 * The `X-custom-traceid` of one logical call: the caller's, or a fresh 32-hex id that every attempt
 * reuses (NetEase de-duplicates requests by it).
 * @see https://doc.yunxin.163.com/messaging2/server-apis/zcwODA3MTU?platform=server3
 */
export function traceIdOf(options: CallOptions | undefined): string {
  return callerTraceId(options) ?? randomUuid().replace(/-/g, '')
}

/** `options` without a caller `X-custom-traceid`, for calls that set their own. */
export function withoutTraceHeader(options: CallOptions | undefined): CallOptions | undefined {
  if (!options?.headers) return options
  const headers = Object.fromEntries(
    Object.entries(options.headers).filter(([name]) => name.toLowerCase() !== 'x-custom-traceid'),
  )
  return { ...options, headers }
}
