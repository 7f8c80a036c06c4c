// The limits of `/media/upload/message`, apart from the upload itself (which the client loads on
// first use), so the package can export them without it.

/**
 * Largest image `/media/upload/message` takes: 5 MB (5 × 1024 × 1024 bytes).
 * @see https://www.fxiaoke.com/mob/guide/openapi/dist/en/pages/open-api/collection/other/creative/upload/
 */
export const maxMediaBytes = 5 * 1024 * 1024

/**
 * Where a reply may carry the media id, in the order they are read. Which one Fxiaoke's v2 reply
 * uses is not documented (legacy samples read `mediaId`).
 * @see https://www.fxiaoke.com/mob/guide/openapi/dist/en/pages/open-api/collection/other/creative/upload/
 */
export const mediaIdFields = ['mediaId', 'media_id', 'data.mediaId', 'data.media_id'] as const
