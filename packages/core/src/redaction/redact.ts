/** What a redacted secret is replaced with. */
export const redactedMarker = '[redacted]'

const secretName =
  /token|secret|checksum|password|permanent_?code|authorization|signature|^appkey$|^nonce$|^curtime$|^cookie$/i

/** True when a header, query parameter or body field of this name carries a secret. */
export function isSecretName(name: string): boolean {
  return secretName.test(name)
}

/** Replaces every known secret value, and any `Bearer …` credential, inside free text. */
export function redactText(text: string, secrets: Iterable<string> = []): string {
  let result = text.replace(/(Bearer|Basic)\s+[^\s"',;]+/gi, `$1 ${redactedMarker}`)
  for (const secret of secrets) {
    if (secret.length >= 4) result = result.split(secret).join(redactedMarker)
  }
  return result.replace(
    /([?&](?:access_?token|token|secret|app_?secret|checksum)=)[^&#\s"']*/gi,
    `$1${redactedMarker}`,
  )
}

/** A copy of the headers with secret-carrying ones replaced by `[redacted]`. */
export function redactHeaders(
  headers: HeadersInit | undefined,
  secrets?: Iterable<string>,
): Record<string, string> {
  const result: Record<string, string> = {}
  new Headers(headers).forEach((value, name) => {
    result[name] = isSecretName(name) ? redactedMarker : redactText(value, secrets)
  })
  return result
}

/**
 * A deep copy of a JSON-like value with secret fields redacted, and every string passed through
 * `secrets`: the known secret values, or a text redactor such as `HttpClient.redact`.
 */
export function redactValue(
  value: unknown,
  secrets?: Iterable<string> | ((text: string) => string),
  depth = 0,
): unknown {
  if (typeof value === 'string')
    return typeof secrets === 'function' ? secrets(value) : redactText(value, secrets)
  if (typeof value !== 'object' || value === null || depth > 20) return value
  if (Array.isArray(value)) return value.map((item) => redactValue(item, secrets, depth + 1))
  const result: Record<string, unknown> = {}
  for (const [key, item] of Object.entries(value)) {
    result[key] =
      isSecretName(key) && typeof item === 'string' && item !== ''
        ? redactedMarker
        : redactValue(item, secrets, depth + 1)
  }
  return result
}
