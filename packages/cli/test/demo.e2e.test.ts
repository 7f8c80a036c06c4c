import { describe, expect, it } from 'vitest'
import { runMsg } from './run-msg.js'

const vendors = ['gewe', 'feishu', 'fxiaoke', 'netease-im']

/** The lines of one numbered section of the demo's output, vendor first. */
function section(stdout: string, heading: RegExp): string[] {
  const lines = stdout.split('\n')
  const start = lines.findIndex((line) => heading.test(line))
  expect(start, `no section ${heading}`).toBeGreaterThanOrEqual(0)
  return lines.slice(start + 1, start + 1 + vendors.length)
}

describe('msg demo (the built binary)', () => {
  it('sends one rich message per vendor, runs the ping → pong round trip per vendor, broadcasts a Notice, falls back', async () => {
    const run = await runMsg(['demo'], { limitMs: 25_000 })
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)

    const rich = section(run.stdout, /^1\. one rich message/)
    expect(rich.map((line) => line.trim().split(/\s+/).slice(0, 2))).toEqual([
      ['gewe', 'link'],
      ['feishu', 'card'],
      ['fxiaoke', 'composite'],
      ['netease-im', 'image'],
    ])
    // 64-bit ids printed whole (GeWe's newMsgId and NetEase's message_server_id exceed 2^53).
    expect(rich[0]).toMatch(/newMsgId \d{16,}/)
    expect(rich[3]).toMatch(/message_server_id \d{16,}/)

    // The demo itself checks that each "pong" reached the vendor fake's inbox, and fails otherwise.
    const echo = section(run.stdout, /^2\. a user writes "ping"/)
    for (const [index, vendor] of vendors.entries())
      expect(echo[index]).toMatch(
        new RegExp(`^\\s+${vendor}\\s+heard "ping" from \\S+, replied "pong": (message|request) id \\S+`),
      )

    const notice = section(run.stdout, /^3\. broadcast one Notice/)
    expect(notice.map((line) => line.trim().split(/\s+/).slice(0, 2).join(' '))).toEqual(
      vendors.map((vendor) => `${vendor} ok,`),
    )
    expect(run.stdout).toMatch(/gewe\s+failed: NetworkError, delivery not-sent/)
    expect(run.stdout).toMatch(/feishu\s+message id \S+.*\ndone in \d+ ms/)
    const took = Number(run.stdout.match(/done in (\d+) ms/)?.[1])
    expect(took).toBeLessThan(10_000)
  })
})
