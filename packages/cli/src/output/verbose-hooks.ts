import type { TransportHooks } from '@msg/core'
import type { SecretScrubber } from './secret-scrubber.js'

/**
 * Transport hooks that print each request, response and error to standard error. Core already
 * redacts the events; every line also goes through the scrubber, so no secret is ever printed.
 */
export function verboseHooks(write: (line: string) => void, scrubber: SecretScrubber): TransportHooks {
  const print = (prefix: string, event: object) =>
    write(scrubber.text(`${prefix} ${JSON.stringify(scrubber.value(event))}`))
  return {
    request: (event) =>
      print(`> ${event.method} ${event.url} (${event.operation}, attempt ${event.attempt})`, {
        headers: event.headers,
        body: event.body,
      }),
    response: (event) =>
      print(`< ${event.status} ${event.method} ${event.url} (${event.durationMs} ms)`, {
        headers: event.headers,
        body: event.body,
      }),
    error: (event) =>
      print(`! ${event.operation} failed:`, { name: event.error.name, message: event.error.message }),
    warning: (event) => write(scrubber.text(`warning: ${event.message}`)),
  }
}
