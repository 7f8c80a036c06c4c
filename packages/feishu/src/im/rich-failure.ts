import { VendorError } from '@msg/core'

/** What each refusal of a rich send or an upload means, appended to the error message. */
const hints: Record<string, string> = {
  230025: 'content too long: text at most 150 KB, post and cards 30 KB',
  230028: "the content failed the tenant's data-loss-prevention review",
  230035: 'the app may not send here (chat or tenant settings)',
  230055:
    'the file_key was uploaded with a file_type that does not match msg_type: opus goes as audio, mp4 as media, any other as file',
  230099: 'the card could not be created',
  234001: 'invalid upload parameter: check image_type / file_type and that the bytes are a supported format',
  234006: 'too large: images at most 10 MB, files 30 MB',
  234007: 'the app has no bot ability',
  234010: 'the file is empty',
}

/** 230099's card error codes, which Feishu names inside `msg` as `ErrCode: <n>`. */
const cardHints: Record<string, string> = {
  200380: 'the template does not exist',
  200381: 'the template is not visible to this app',
  200570: 'the card holds invalid image keys',
  200621: 'the card JSON does not parse',
  200861: 'card JSON 2.0 no longer supports a capability used',
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
