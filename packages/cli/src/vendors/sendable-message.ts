import type { ChannelMessage } from '@msg/core'
import { UsageError } from '../usage-error.js'
import type { SendInput } from './vendor-spec.js'

/** The `--text` (or notice) of a send that has no content flag, or a `UsageError` asking for it. */
export function sendableMessage(input: SendInput): ChannelMessage {
  if (input.message === undefined)
    throw new UsageError('missing --text "…" (or --text - to read standard input)', 'send')
  return input.message
}
