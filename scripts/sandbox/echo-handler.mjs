/**
 * A core-only loopback handler: it answers every request with a `{code,msg,data}` envelope that
 * carries a 64-bit id beyond 2^53 as a raw JSON number, and echoes what it received. `?code=N`
 * answers with that failure code instead, so a caller can provoke a VendorError.
 */

/** The raw id the echo handler emits; a client that keeps every digit reads exactly this string. */
export const echoId = '9007199254740993123'

/** @param {Request} request */
export async function echoHandler(request) {
  const url = new URL(request.url)
  const code = Number(url.searchParams.get('code') ?? 0)
  const text = request.method === 'GET' ? '' : await request.text()
  const echo = JSON.stringify({
    method: request.method,
    path: url.pathname,
    contentType: request.headers.get('content-type'),
    body: text === '' ? null : JSON.parse(text),
  })
  const body =
    code === 0
      ? `{"code":0,"msg":"ok","data":{"id":${echoId},"echo":${echo}}}`
      : `{"code":${code},"msg":"refused by the echo handler"}`
  return new Response(body, {
    status: 200,
    headers: { 'content-type': 'application/json', 'x-request-id': `echo-${code}` },
  })
}
