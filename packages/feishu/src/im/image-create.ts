import { type CallOptions, type EndpointResult, nonEmptyText, validateInput } from '@msg/core'
import * as v from 'valibot'
import type { FeishuContext } from '../feishu-context.js'
import { partFilename, postUpload, type UploadBytes, uploadBytesSchema } from './upload.js'

/**
 * The request of im/v1 image upload: `image_type` `message` (to send) or `avatar` (≤ 4096×4096),
 * and the image, 1 byte to 10 MB (JPG, JPEG, PNG, WEBP, GIF, BMP, ICO, TIFF, HEIC).
 * @see https://open.feishu.cn/document/server-docs/im-v1/image/create
 */
export interface ImImageCreateRequest {
  data: { image_type: 'message' | 'avatar'; image: UploadBytes }
}

/**
 * What im/v1 image upload returns in `data`.
 * @see https://open.feishu.cn/document/server-docs/im-v1/image/create
 */
export interface ImImageCreateData {
  image_key: string
}

const requestSchema = v.object({
  data: v.object({
    image_type: v.picklist(['message', 'avatar'], "must be 'message' or 'avatar'"),
    image: uploadBytesSchema(10),
  }),
})

const dataSchema = v.object({ image_key: nonEmptyText })

/** `POST /open-apis/im/v1/images` (multipart), after checking the request; never resent after an ambiguous failure. */
export function imImageCreate(
  context: FeishuContext,
  request: ImImageCreateRequest,
  options?: CallOptions,
): Promise<EndpointResult<ImImageCreateData>> {
  const { data } = validateInput(requestSchema, request, { vendor: 'feishu', operation: 'im.image.create' })
  // A `File` keeps its own name in the part; other bytes go up as `image`.
  const name = (request.data.image as { name?: unknown }).name
  const filename = typeof name === 'string' && name !== '' ? partFilename(name) : 'image'
  return postUpload(
    context,
    {
      operation: 'im.image.create',
      path: '/open-apis/im/v1/images',
      fields: { image_type: data.image_type },
    },
    { name: 'image', blob: data.image, filename },
    dataSchema,
    options,
  )
}
