import { toHex } from '@msg/core'
/**
 * The image formats `/media/upload/message` takes (JPG, JPEG, PNG, GIF, BMP): the hex of the bytes a
 * file of each starts with, and the file name extensions it may carry. The MIME type is
 * `image/<format in lower case>`.
 * @see https://www.fxiaoke.com/mob/guide/openapi/dist/en/pages/open-api/collection/other/creative/upload/
 */
export const mediaFormats = {
  JPEG: ['ffd8ff', 'jpg', 'jpeg'],
  PNG: ['89504e470d0a1a0a', 'png'],
  GIF: ['47494638', 'gif'],
  BMP: ['424d', 'bmp'],
} as const

/**
 * One of {@link mediaFormats}.
 * @see https://www.fxiaoke.com/mob/guide/openapi/dist/en/pages/open-api/collection/other/creative/upload/
 */
export type MediaFormat = keyof typeof mediaFormats

/**
 * The format whose signature the file's first bytes start with, if any.
 * @see https://www.fxiaoke.com/mob/guide/openapi/dist/en/pages/open-api/collection/other/creative/upload/
 */
export function detectMediaFormat(head: Uint8Array): MediaFormat | undefined {
  const hex = toHex(head)
  return (Object.keys(mediaFormats) as MediaFormat[]).find((format) =>
    hex.startsWith(mediaFormats[format][0]),
  )
}
