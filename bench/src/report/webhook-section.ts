import { benchSettings } from '../bench-settings.js'
import { bytesPerEvent } from '../measure/webhook-memory.js'
import { kilobytes, ratio, spread, table } from './format.js'
import type { BenchResults } from './results.js'

/** 7. Receiving: our Feishu webhook against the Lark SDK's EventDispatcher. */
export function webhookSection(results: BenchResults): string {
  const { webhook } = results
  if (!webhook) return ''
  const { throughput, memory, appSize } = webhook
  const value = throughput.ours.median / throughput.lark.median
  const speed = table(
    ['receiver', 'events/s', 'ratio ours / Lark'],
    [
      ['`@larksuiteoapi/node-sdk` EventDispatcher', spread(throughput.lark), '(reference)'],
      ['`@msg/feishu/webhook`', spread(throughput.ours), ratio(value, '≥ 2.00', value >= 2)],
    ],
  )
  const megabytes = (bytes: number) => (bytes / 1024 / 1024).toFixed(2)
  const [first, ...rest] = memory.readings
  const heapRows = memory.readings.map((reading, index) => [
    String(reading.events),
    megabytes(reading.heap),
    index === 0 ? '–' : bytesPerEvent(memory.readings[index - 1] ?? reading, reading).toFixed(1),
    reading.events >= memory.storeFullAfterEvents ? 'full (oldest keys dropped)' : 'filling',
  ])
  const last = rest.at(-1)
  const overall = first && last ? bytesPerEvent(first, last).toFixed(1) : '–'
  const full =
    rest.length === 2 && rest[0] && rest[1] ? bytesPerEvent(rest[0], rest[1]).toFixed(1) : undefined
  return `## 7. Receiving events: \`@msg/feishu/webhook\` vs the Lark SDK's \`EventDispatcher\`

The same ${throughput.events} distinct \`im.message.receive_v1\` pushes, encrypted and signed as Feishu sends them (Encrypt Key and Verification Token set), fed in-process at concurrency ${throughput.concurrency}: to \`webhook.fetch(new Request(…))\` (the \`Request\` built per push, as \`toNodeListener\` does), and to \`new EventDispatcher({ encryptKey, verificationToken }).register({ 'im.message.receive_v1': handler }).invoke(data)\` with \`data\` built as the SDK's own Node adapter builds it (the body \`JSON.parse\`d, the headers on its prototype). ${benchSettings.repetitions} alternating blocks after one warm-up block each, a fresh receiver per block; every push must reach its handler once. Events/s: median (min–max).

Not the same work: ours checks the signature over the raw bytes, the timestamp window and the verification token, and de-duplicates (\`event_id\` and \`message_id\`), all with WebCrypto (asynchronous); the SDK checks the signature over \`JSON.stringify\` of the parsed body (re-serialised JSON, which only matches because these bodies are compact \`{ "encrypt": … }\`), never compares the token on events, keeps no de-duplication, and uses Node's synchronous \`node:crypto\`.

${speed}

Heap of one process (\`--expose-gc\`, four full GCs before each reading) feeding distinct pushes through one webhook with the default in-memory dedupe store, ${memory.seconds.toFixed(1)} s. That store holds at most 100 000 keys, two per message event (\`event_id\`, \`message_id\`), so it fills after ${memory.storeFullAfterEvents} events and then drops its oldest keys: its growth is bounded by design. Once full, the \`Map\` behind it grows its hash table one more time (V8 keeps deleted slots until it rehashes): a bare \`Map\` of 100 000 such keys replaced over and over settles about 3.5 MB above its full size and stays there, i.e. about 70 bytes/event over the next 50 000 events, and nothing after. Goal: no growth beyond that.

${table(['events fed', 'heap MB', 'growth bytes/event since the previous reading', 'dedupe store'], heapRows)}

Growth over the whole run: ${overall} bytes/event${full === undefined ? ` (the run stopped before the store was full: that growth is the store filling; \`BENCH_SCALE=1\` feeds ${100_000} events)` : `; with the store full: ${full} bytes/event`}.

Webhook bot (\`scripts/size/apps/feishu-webhook-app.mjs\`, esbuild minified ESM for the browser with every dependency): ${kilobytes(appSize.minifiedBytes)} minified, ${kilobytes(appSize.gzipBytes)} gzip -9 (budget 15 kB, checked by \`pnpm size\`).`
}
