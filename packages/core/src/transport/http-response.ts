/** A response as the transport hands it to an envelope reader: body already read and parsed. */
export interface HttpResponse {
  status: number
  headers: Headers
  /** Raw body text. */
  text: string
  /** Body parsed with exact 64-bit integers, or `undefined` when it is not JSON. */
  body: unknown
  /** True when the text was not valid JSON. */
  malformed: boolean
}

/** Where a request goes and what it does, for error messages and hooks. */
export interface RequestContext {
  vendor: import('../errors/msg-error.js').Vendor
  operation: string
  method: string
  /** Path without the query string. */
  path: string
  /** Redacts known secret values from free text. */
  redact: (text: string) => string
}

/** `message.send POST /open-apis/message/v4/send/` — the prefix of every error message. */
export function describeRequest(context: RequestContext): string {
  return `${context.operation} ${context.method} ${context.path}`
}
