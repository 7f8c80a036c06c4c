import { VendorError } from '@msg/core'

/** What each refusal of a rich send or an upload means, appended to the error message. */
const hints: Record<string, string> = {
  230025: 'too long (text 150 KB, post and cards 30 KB)',
  230028: 'refused by data-loss prevention',
  230055: 'file_type does not fit msg_type: opus goes as audio, mp4 as media, any other as file',
  230099: 'card not created',
  234001: 'invalid upload (image_type, file_type or format)',
  234006: 'too large (images 10 MB, files 30 MB)',
  234010: 'empty file',
}

/** 230099's card error codes, which Feishu names inside `msg` as `ErrCode: <n>`. */
const cardHints: Record<string, string> = {
  200380: 'no such template',
  200381: 'template not visible to the app',
  200570: 'invalid image keys',
  200621: 'card JSON does not parse',
  200861: 'not supported in card JSON 2.0',
}

/**
 * A permanent Feishu refusal of a rich send or an upload with what its code means added to the
 * message (for 230099 also the card error code, kept in `details.card_code`); any other error as it is.
 * @see https://open.feishu.cn/document/server-docs/im-v1/message/create
 */
export function explainFeishuFailure(error: unknown): unknown {
  if (!VendorError.isInstance(error) || error.retryable) return error
  const hint = hints[String(error.code)]
  if (hint === undefined) return error
  const cardCode = error.code === 230099 ? /ErrCode:\s*(\d+)/.exec(error.vendorMessage ?? '')?.[1] : undefined
  const cardHint = cardCode === undefined ? undefined : cardHints[cardCode]
  return new VendorError({
    vendor: error.vendor,
    message: `${error.message}: ${hint}${cardCode === undefined ? '' : ` (card error ${cardCode}${cardHint ? `: ${cardHint}` : ''})`}`,
    code: error.code,
    status: error.status,
    requestId: error.requestId,
    retryable: false,
    vendorMessage: error.vendorMessage,
    details: cardCode === undefined ? error.details : { ...error.details, card_code: Number(cardCode) },
    delivery: error.delivery,
    cause: error,
  })
}
