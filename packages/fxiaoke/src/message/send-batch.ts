import { type CallOptions, type EndpointResult, invalidInput, randomUuid } from '@msg/core'
import * as v from 'valibot'
import type { FxiaokeContext } from '../fxiaoke-context.js'
import { readFxiaokeEnvelope } from '../fxiaoke-envelope.js'
import type { FxiaokeMessage } from './message-types.js'

const resultSchema = v.object({ traceId: v.string() })

/**
 * v2 mode needs the acting employee (`x-fs-userid`): a `ValidationError` before anything is sent.
 * @see https://developer.fxiaoke.com/openapi_v2/en/start/example/public.html
 */
export function checkUserId(context: FxiaokeContext, operation: string): void {
  if (!context.legacy && !context.userId) {
    throw invalidInput({ vendor: 'fxiaoke', operation }, [
      { path: 'userId', message: 'required (x-fs-userid header)' },
    ])
  }
}

/**
 * One `POST /cgi/message/send?thirdTraceId=<fresh UUID v4 per attempt>` of a validated body with
 * 1–500 recipients, with the v2 headers (or, in legacy mode, `corpAccessToken`/`corpId` in the
 * body). Never resent after an ambiguous failure.
 * @see https://www.fxiaoke.com/mob/guide/openapi/dist/en/pages/open-api/collection/other/message/text/
 */
export async function sendValidMessage(
  context: FxiaokeContext,
  message: FxiaokeMessage,
  options?: CallOptions,
): Promise<EndpointResult<{ traceId: string }>> {
  const data = await context.http.send({
    operation: 'message.send',
    path: '/cgi/message/send',
    query: () => ({ thirdTraceId: randomUuid() }),
    body: message,
    read: (response, readContext) => readFxiaokeEnvelope(response, readContext, resultSchema, (e) => e),
    options,
  })
  return { data, requestId: data.traceId }
}
