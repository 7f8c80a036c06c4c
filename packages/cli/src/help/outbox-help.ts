/** `msg outbox --help`. */
export function outboxHelp(): string {
  return `msg outbox: look at and settle an @msg/outbox in Redis.

Usage:
  msg outbox status  --redis <url> [--json]                  messages per ledger state
  msg outbox unknown --redis <url> [--limit <n>] [--json]    parked messages (delivery unknown) with the last error
  msg outbox dead    --redis <url> [--limit <n>] [--json]    dead letters with their reasons
  msg outbox resolve <id> --as sent|resend --redis <url> [--by <name>] [--note <text>]
      sent:   you checked the message arrived; resend: you checked it did not (sent again, new key)

Options: --queue <name> (default msg-outbox), --prefix <bullmq prefix> (default bull).
The Redis URL can also come from MSG_OUTBOX_REDIS. Exit codes: 0 done, 2 bad usage,
3 resolve refused (the message is not unknown, or not dead for resend).
`
}
