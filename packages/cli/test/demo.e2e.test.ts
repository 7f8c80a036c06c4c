import { describe, expect, it } from 'vitest'
import { runMsg } from './run-msg.js'

describe('msg demo (the built binary)', () => {
  it('sends through all four vendors, broadcasts, falls back, and exits 0', async () => {
    const run = await runMsg(['demo'], { limitMs: 25_000 })
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    const lines = run.stdout.split('\n')
    const firstSection = lines.slice(lines.indexOf('1. sendText through each vendor') + 1).slice(0, 4)
    expect(firstSection.map((line) => line.trim().split(/\s+/)[0])).toEqual([
      'gewe',
      'feishu',
      'fxiaoke',
      'netease-im',
    ])
    // Fxiaoke answers with a trace id only; the three others with a message id.
    for (const line of firstSection) expect(line).toMatch(/(message|request) id \S+/)
    expect(firstSection.filter((line) => /message id \S+/.test(line))).toHaveLength(3)
    expect(firstSection[2]).toMatch(/request id E-O\.\S+ {2}\(fxiaoke returns no message id\)/)
    expect(run.stdout.match(/ ok, (message|request) id \S+/g)).toHaveLength(4)
    expect(run.stdout).toMatch(/gewe\s+failed: NetworkError, delivery not-sent/)
    expect(run.stdout).toMatch(/feishu\s+message id \S+.*\ndone in/)
  })
})
