import { feishuSandbox } from '@msg/feishu/testing'
import { fxiaokeSandbox } from '@msg/fxiaoke/testing'
import { geweSandbox } from '@msg/gewe/testing'
import { neteaseImSandbox } from '@msg/netease-im/testing'

/**
 * One-send apps: the smallest real program per target. The same source is bundled with esbuild
 * (bundle size) and run in a fresh process (cold import time, peak RSS). Each app imports only
 * its own package. `BASE_URL` is replaced with the fake's URL when run.
 */
export interface OneSendApp {
  /** Row label. */
  label: string
  /** Fake the app talks to. */
  fake: string
  /** esbuild platform of the bundle. */
  platform: 'browser' | 'node'
  /** Package the app imports. */
  specifier: string
  /** Named imports from it. */
  names: string[]
  /** Module body after the import; `BASE_URL` is in scope. It sends one text. */
  body: string
}

/** The app as an ES module for bundling (static import, vendor's real base URL). */
export function bundleSource(app: OneSendApp): string {
  return `import { ${app.names.join(', ')} } from '${app.specifier}'
const BASE_URL = 'https://open.feishu.cn'
${app.body}`
}

/** The app as a script that times its own import and reports it, the base URL from argv. */
export function coldSource(app: OneSendApp): string {
  return `const started = performance.now()
const { ${app.names.join(', ')} } = await import('${app.specifier}')
const importMs = performance.now() - started
const BASE_URL = process.argv[2]
${app.body}
process.stdout.write('\\n' + JSON.stringify({ importMs, totalMs: performance.now(), maxRssKb: process.resourceUsage().maxRSS }) + '\\n')
process.exit(0)
`
}

/** A value as a JavaScript literal in an app's source (the sandbox's sample credentials and targets). */
const literal = (value: object) => JSON.stringify(value)
/** An object's fields as they go inside an object literal of an app's source. */
const fields = (value: object) => literal(value).slice(1, -1)

/** Apps by target name; vendors are added as they land on main. */
export const oneSendApps: Record<string, OneSendApp> = {
  core: {
    label: '@msg/core transport',
    fake: 'core',
    platform: 'browser',
    specifier: '@msg/core',
    names: ['createHttpClient'],
    body: `const http = createHttpClient({ vendor: 'feishu', version: '0.1.0', defaultBaseURL: BASE_URL, settings: {} })
const data = await http.send({
  operation: 'im.message.create',
  path: '/open-apis/im/v1/messages',
  query: () => ({ receive_id_type: 'chat_id' }),
  headers: () => ({ authorization: 'Bearer bench-token-0123456789' }),
  body: { receive_id: 'oc_bench', msg_type: 'text', content: JSON.stringify({ text: 'hello' }) },
  read: (response) => response.body.data,
})
if (!data.message_id) throw new Error('send failed')
`,
  },
  gewe: {
    label: '@msg/gewe',
    fake: 'gewe',
    platform: 'browser',
    specifier: '@msg/gewe',
    names: ['createGewe'],
    body: `const client = createGewe({ ${fields(geweSandbox.credentials)}, baseURL: BASE_URL + '${geweSandbox.basePath}', pacing: false, dangerouslyAllowBrowser: true })
const sent = await client.sendText(${literal(geweSandbox.target)}, 'hello')
if (!sent.messageId) throw new Error('send failed')
`,
  },
  fxiaoke: {
    label: '@msg/fxiaoke',
    fake: 'fxiaoke',
    platform: 'browser',
    specifier: '@msg/fxiaoke',
    names: ['createFxiaoke'],
    body: `const client = createFxiaoke({ ${fields(fxiaokeSandbox.credentials)}, baseURL: BASE_URL, dangerouslyAllowBrowser: true })
const sent = await client.sendText(${literal(fxiaokeSandbox.target)}, 'hello')
if (!sent.requestId) throw new Error('send failed')
`,
  },
  feishu: {
    label: '@msg/feishu',
    fake: 'feishu',
    platform: 'browser',
    specifier: '@msg/feishu',
    names: ['createFeishu'],
    body: `const client = createFeishu({ ${fields(feishuSandbox.credentials)}, baseURL: BASE_URL, dangerouslyAllowBrowser: true })
const sent = await client.sendText(${literal(feishuSandbox.target)}, 'hello')
if (!sent.messageId) throw new Error('send failed')
`,
  },
  'netease-im': {
    label: '@msg/netease-im',
    fake: 'netease-im',
    platform: 'browser',
    specifier: '@msg/netease-im',
    names: ['createNeteaseIm'],
    body: `const client = createNeteaseIm({ ${fields(neteaseImSandbox.credentials)}, baseURL: BASE_URL, dangerouslyAllowBrowser: true })
const sent = await client.sendText(${literal(neteaseImSandbox.target)}, 'hello')
if (!sent.messageId) throw new Error('send failed')
`,
  },
  lark: {
    label: '@larksuiteoapi/node-sdk',
    fake: 'feishu',
    platform: 'node',
    specifier: '@larksuiteoapi/node-sdk',
    names: ['Client', 'LoggerLevel'],
    body: `const client = new Client({ ${fields(feishuSandbox.credentials)}, domain: BASE_URL, loggerLevel: LoggerLevel.error })
const sent = await client.im.message.create({ params: { receive_id_type: 'chat_id' }, data: { receive_id: '${feishuSandbox.target.chatId}', msg_type: 'text', content: JSON.stringify({ text: 'hello' }) } })
if (!sent.data?.message_id) throw new Error('send failed')
`,
  },
}
