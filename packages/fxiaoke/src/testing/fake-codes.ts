/**
 * The code the fake answers for a missing `x-fs-userid`, a bad or reused `thirdTraceId`, a broken
 * composite card or article, or a refused upload (the docs name none).
 * @see https://developer.fxiaoke.com/openapi_v2/en/start/guide/codes.html
 */
export const invalidParameterCode = 15002
