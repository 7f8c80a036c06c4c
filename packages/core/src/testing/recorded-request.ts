/** A request as a fake vendor saw it, for shape assertions in tests. */
export interface RecordedRequest {
  method: string
  /** The full URL as sent, query included. */
  url: string
  /** The path as sent (still percent-encoded). */
  path: string
  query: Record<string, string>
  /** Header names in lower case. */
  headers: Record<string, string>
  /** The body parsed as JSON; the raw text when it is not JSON; `undefined` when empty. */
  body: unknown
  /** The raw body text. */
  text: string
}

/** Reads a request (through a clone, so the caller can still read it) into a {@link RecordedRequest}. */
export async function recordRequest(request: Request): Promise<RecordedRequest> {
  const url = new URL(request.url)
  const text = await request.clone().text()
  let body: unknown
  try {
    body = text === '' ? undefined : JSON.parse(text)
  } catch {
    body = text
  }
  const headers: Record<string, string> = {}
  request.headers.forEach((value, name) => {
    headers[name] = value
  })
  return {
    method: request.method,
    url: request.url,
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    headers,
    body,
    text,
  }
}
