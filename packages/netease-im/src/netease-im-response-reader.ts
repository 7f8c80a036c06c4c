import type { HttpResponse, RequestContext } from '@msg/core'
import * as v from 'valibot'
import type { NeteaseImContext } from './netease-im-context.js'
import { createNeteaseImEnvelopeReader, explainSignatureRejection } from './netease-im-envelope.js'
import { duplicateMessageCode } from './netease-im-error-codes.js'

/**
 * The `read` of one NetEase call: `data` validated by `schema`, a 414 signature rejection explained,
 * and, with `duplicate`, 107306 read as "already delivered" (`{ ...duplicate, ...data, duplicate: true }`,
 * the original data when NetEase gives it).
 * @see https://doc.yunxin.163.com/messaging2/server-apis/zcwODA3MTU?platform=server3
 */
export function neteaseImResponseReader<Data>(
  context: NeteaseImContext,
  traceId: string,
  schema: v.GenericSchema<unknown, Data>,
  duplicate?: Record<string, unknown>,
): (response: HttpResponse, requestContext: RequestContext) => Data {
  const read = createNeteaseImEnvelopeReader({ traceId, rateLimitWaitMs: context.rateLimitWaitMs })
  return (response, requestContext) => {
    try {
      const envelope = response.body as { code?: unknown; data?: unknown } | undefined
      if (duplicate && envelope?.code === duplicateMessageCode) {
        const original = v.safeParse(schema, envelope.data ?? {})
        return { ...duplicate, ...(original.success ? original.output : {}), duplicate: true } as Data
      }
      return read(response, requestContext, schema)
    } catch (error) {
      throw explainSignatureRejection(error, response, requestContext, context.clockOffsetMs)
    }
  }
}
