import { createEnvelopeReader, redactedMarker } from '@msg/core'
import * as v from 'valibot'
import { classifyGeweCode } from './gewe-error-codes.js'

const envelopeSchema = v.looseObject({
  ret: v.number(),
  msg: v.nullish(v.string()),
  data: v.optional(v.unknown()),
})

/** A 64-bit id as an exact decimal string (unsafe integers already arrive as strings from core). */
export const exactId = v.pipe(
  v.union([v.string(), v.number()], 'must be an integer id'),
  v.transform(String),
  v.regex(/^-?\d+$/, 'must be an integer id'),
)

/** The GeWe envelope `{ ret, msg, data? }`; failures may carry `data: { code, msg }`. */
type GeweEnvelope = v.InferOutput<typeof envelopeSchema>

/** `msg`, then `data.msg` and `data.code` when present, with any echoed token hidden. */
function describeFailure(envelope: GeweEnvelope): string | undefined {
  const detail = (envelope.data ?? {}) as { code?: unknown; msg?: unknown }
  const parts = [envelope.msg, detail.msg, detail.code === undefined ? undefined : `code ${detail.code}`]
  const text = parts.filter((part) => part !== undefined && part !== null && part !== '').join(': ')
  return text === ''
    ? undefined
    : text.replace(/(X-GEWE-TOKEN\s*[=:：]\s*)[^\s,，]+/gi, `$1${redactedMarker}`)
}

/**
 * Reads a GeWe reply: success only when `ret === 200` (on any HTTP status); otherwise an
 * `AuthError` or `VendorError` with `code` = `ret`, `vendorMessage` = `msg: data.msg: code data.code`
 * and `details` = `{ ret, msg, data }` as GeWe sent them (secrets redacted).
 * @see https://doc.geweapi.com/
 */
export const readGeweEnvelope = createEnvelopeReader({
  schema: envelopeSchema,
  succeeded: (envelope) => envelope.ret === 200,
  code: (envelope) => envelope.ret,
  message: describeFailure,
  classify: (_code, envelope) => classifyGeweCode(describeFailure(envelope) ?? ''),
  details: (envelope) => ({ ret: envelope.ret, msg: envelope.msg, data: envelope.data }),
})
