// The limits of `/cgi/message/send`, apart from its schemas: the text path batches by
// `maxRecipients` without loading the validation of the rich message types.

/**
 * Most recipients one call of `/cgi/message/send` accepts; longer lists go out in batches of this size.
 * @see https://www.fxiaoke.com/mob/guide/openapi/dist/en/pages/open-api/collection/other/message/text/
 */
export const maxRecipients = 500

/**
 * Most articles one image-text message carries.
 * @see https://www.fxiaoke.com/mob/guide/openapi/dist/en/pages/open-api/collection/other/message/image/
 */
export const maxArticles = 7
