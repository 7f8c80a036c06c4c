import { version } from '../version.js'

/** `msg --help`: commands, exit codes, environment. */
export function mainHelp(): string {
  return `msg ${version}: send a text through GeWe, Feishu, Fxiaoke or NetEase IM, or try all four locally.

Usage:
  msg send <gewe|feishu|fxiaoke|netease-im> <target flags> --text "…"   send one text
  msg listen <vendor> [--port <n>] [--json]   serve a vendor's webhook, print every verified event
  msg sandbox [--port <n>] [--json]     serve fake versions of all four vendors on 127.0.0.1
  msg sandbox say <vendor> "…" --webhook <url>   a sandbox user writes to your bot (a signed push)
  msg demo                              start the sandbox and send through every vendor (no credentials)
  msg outbox status|unknown|dead|resolve --redis <url>   an @msg/outbox: counts, parked, dead, resolve
  msg send --help                       targets, credentials and examples per vendor
  msg listen --help                     webhook secrets, paths and the Feishu long connection
  msg --version

Exit codes (msg send):
  0  sent: the vendor accepted the message
  2  bad input (usage error or ValidationError): nothing was sent
  3  refused by the vendor (VendorError, AuthError, RateLimitError): not delivered
  4  delivery unknown (NetworkError, TimeoutError, ResponseError): the vendor may have
     delivered it; check before sending again
  1  internal error in msg itself

Credentials come from flags or environment variables (see msg send --help); they are never
printed, not even with --verbose.

Examples:
  msg demo
  msg send feishu --sandbox --chat-id oc_demo --text "hello"
  FEISHU_APP_ID=cli_… FEISHU_APP_SECRET=… msg send feishu --chat-id oc_123 --text "deploy done"
`
}
