import { listenSpecs } from '../listen/listen-specs.js'

/** `msg listen --help`: vendors, flags, secrets and examples. */
export function listenHelp(): string {
  const secrets = Object.values(listenSpecs)
    .flatMap((spec) =>
      spec.secrets.map(
        (secret) =>
          `  ${spec.vendor.padEnd(11)} --${secret.flag.padEnd(20)} ${secret.env.padEnd(28)} ${secret.description}${secret.required ? '' : ' (optional)'}`,
      ),
    )
    .join('\n')
  return `Usage: msg listen <${Object.keys(listenSpecs).join('|')}> [flags]

Serves the vendor's webhook on 127.0.0.1 and prints one line per verified event on standard
output; requests that fail verification are printed as rejected, with the reason, on standard
error. Ctrl-C (SIGINT) or SIGTERM stops it with exit 0.

Flags:
  --port <n>           port to listen on (default: any free port, printed on standard error)
  --host <address>     address to listen on (default 127.0.0.1)
  --path <p>           webhook path (default /<vendor>/events)
  --json               one JSON object per event, ids as exact strings
  --sandbox            use the sandbox's sample secrets (pair with msg sandbox say)
  --long-connection    feishu only: receive over Feishu's long connection (--app-id, --app-secret)

Webhook secrets (flag, or environment variable):
${secrets}

Examples:
  FEISHU_VERIFICATION_TOKEN=… FEISHU_ENCRYPT_KEY=… msg listen feishu --port 8080
  msg listen feishu --sandbox --json
  FEISHU_APP_ID=cli_… FEISHU_APP_SECRET=… msg listen feishu --long-connection
`
}
