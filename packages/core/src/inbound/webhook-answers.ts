const json = { 'content-type': 'application/json; charset=utf-8' }

/**
 * A JSON answer (200 unless told otherwise).
 * @see @msg/core README.md#inbound-webhooks
 */
export function answerJson(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: json })
}

/**
 * 401 for a request whose signature, token or timestamp failed. The body names the failed check
 * only in general words: never a secret, an expected signature or which byte differed.
 * @see @msg/core README.md#inbound-webhooks
 */
export function answerUnauthentic(): Response {
  return answerJson({ error: 'unauthentic request' }, 401)
}

/**
 * 400 for a request that is not the vendor's shape (not JSON, missing fields). `reason` must not
 * contain request data beyond field names.
 * @see @msg/core README.md#inbound-webhooks
 */
export function answerMalformed(reason: string): Response {
  return answerJson({ error: `malformed request: ${reason}` }, 400)
}

/**
 * 500 when a handler threw: the event was not marked seen, so the vendor's retry is handled.
 * @see @msg/core README.md#inbound-webhooks
 */
export function answerHandlerFailed(): Response {
  return answerJson({ error: 'handler failed' }, 500)
}

/**
 * 405 for anything but POST.
 * @see @msg/core README.md#inbound-webhooks
 */
export function answerMethodNotAllowed(): Response {
  return new Response(null, { status: 405, headers: { allow: 'POST' } })
}
