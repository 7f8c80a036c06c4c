// Renders the fleet test's report as the Markdown section that BENCHMARKS.md includes
// (`docs/outbox-figures.md`, copied from `.cache/outbox-figures.md` after a run).
import { cpus, loadavg } from 'node:os'

type Report = Record<string, unknown> & {
  saturated?: Record<string, unknown> & { claimToArrivalMs?: Record<string, number> }
}

const value = (report: Record<string, unknown>, path: string): string => {
  let current: unknown = report
  for (const part of path.split('.')) current = (current as Record<string, unknown> | undefined)?.[part]
  return current === undefined ? '–' : String(current)
}

/** The section, from the reports `fleet.test.ts` and `saturated-lane.test.ts` fill. */
export function renderFigures(report: Report, versions: Record<string, string>): string {
  const at = (path: string) => value(report, path)
  const limits = 'limits 45 / 5 / 40 / 60'
  return `## 8. Outbox fleet (\`pnpm test:outbox\`)

Written by \`packages/outbox/test/fleet.test.ts\` and \`saturated-lane.test.ts\` (copy \`packages/outbox/.cache/outbox-figures.md\` to
\`docs/outbox-figures.md\`; \`pnpm bench\` includes that file). One run of ${at('seconds')} s for the main test.

- Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, load average at the end ${loadavg()
    .map((load) => load.toFixed(1))
    .join(' / ')} (shared with other jobs)
- Node ${process.version}, redis-server ${versions.redis} with \`--appendonly yes --appendfsync always --save ""\`,
  BullMQ ${versions.bullmq}, ioredis ${versions.ioredis}
- Four worker processes (concurrency 6 per rate-lane queue), the four vendor fakes over HTTP on 127.0.0.1 in
  their own process, \`guardMs\` ${at('guardMs')} on the fleet's rate lanes

| figure | value |
|---|---|
| messages (\`OUTBOX_FLEET_MESSAGES\`) | ${at('messages')}; enqueued ${at('enqueued')} (with the crash probes), ${at('duplicateEnqueues')} of them twice |
| faults injected (rate limits, 5xx after accept, delays, permanent codes) | ${at('faultsInjected')} |
| workers SIGKILLed / redis-server SIGKILLed and restarted on its AOF | ${at('workersKilled')} / once, after ${at('sentBeforeRedisCrash')} sends |
| **lost** / **duplicates at the fakes** | **${at('lost')}** / **${at('duplicatesAtFakes')}** |
| sent / parked \`unknown\` / dead | ${at('sent')} / ${at('unknown')} / ${at('dead')} |
| requests at the fakes / lane turns used / late turns given up, nothing sent (rate lane full / claimed past its turn / claim stalled / missed its send-by time) | ${at('vendorRequests')} / ${at('laneTurnsGranted')} / ${at('lateTurnsGivenUp.total')} (${at('lateTurnsGivenUp.laneFull')} / ${at('lateTurnsGivenUp.pastTurn')} / ${at('lateTurnsGivenUp.stalled')} / ${at('lateTurnsGivenUp.missedSendBy')}) |
| busiest sliding second at the fakes, whole run: Feishu app / chat / Fxiaoke / NetEase (${limits}; asserted) | ${at('maxPerAppInAnySecondAtFakes.feishu')} / ${at('maxFeishuPerChatInAnySecondAtFakes')} / ${at('maxPerAppInAnySecondAtFakes.fxiaoke')} / ${at('maxPerAppInAnySecondAtFakes.netease-im')} |
| the same in the 5 s from the Redis crash on (part of the above): Feishu app / Fxiaoke / NetEase | ${at('maxPerAppInAnySecondAtFakesAroundRedisRestart.feishu')} / ${at('maxPerAppInAnySecondAtFakesAroundRedisRestart.fxiaoke')} / ${at('maxPerAppInAnySecondAtFakesAroundRedisRestart.netease-im')} |
| least gap between two GeWe sends to one account at the fake (configured 100 + 0–50 jitter; 1 900 ms lane) | ${at('minGeweGapMs')} ms; ${at('minSlowGeweGapMs')} ms |
| saturated Feishu app lane, its own fleet of four workers: ${at('saturated.messages')} messages over 45 chats, \`guardMs\` ${at('saturated.guardMs')} (the default) | **${at('saturated.perSecond')}/s = ${pct(at('saturated.ofConfiguredLimit'))} of 45** (asserted ≥ 90 %), ${pct(at('saturated.ofCeilingWithGuard'))} of the spacing's ceiling |
| saturated lane: busiest sliding second at the fake, app / chat (asserted ≤ 45 / 5) | ${at('saturated.maxInAnySecondAtFake')} / ${at('saturated.maxPerChatInAnySecondAtFake')} |
| saturated lane: claim → request at the fake | p50 ${at('saturated.claimToArrivalMs.p50')} ms, p99 ${at('saturated.claimToArrivalMs.p99')} ms, max ${at('saturated.claimToArrivalMs.max')} ms |
`
}

function pct(ratio: string): string {
  const number = Number(ratio)
  return Number.isFinite(number) ? `${(number * 100).toFixed(1)} %` : '–'
}
