import { redactText, redactValue } from '@msg/core'

/** Removes secrets from anything `msg` is about to print. */
export interface SecretScrubber {
  /** Adds secret values (credentials given by flag, environment or the sandbox). */
  add(...secrets: Array<string | undefined>): void
  /** The text with every known secret and any `Bearer …` credential replaced by `[redacted]`. */
  text(text: string): string
  /** A deep copy with secret-named fields and known secret values replaced by `[redacted]`. */
  value(value: unknown): unknown
}

/** A scrubber that starts with no known secrets. Every line `msg` writes goes through one. */
export function createSecretScrubber(): SecretScrubber {
  const secrets = new Set<string>()
  return {
    add(...values) {
      for (const value of values) if (value !== undefined && value !== '') secrets.add(value)
    },
    text: (text) => redactText(text, secrets),
    value: (value) => redactValue(value, secrets),
  }
}
