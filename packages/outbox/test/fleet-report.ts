// Where the fleet tests leave their figures: `.cache/outbox-<part>.json` per test file, and the
// Markdown section rendered from every part present (`.cache/outbox-figures.md`).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { Redis } from 'ioredis'
import { renderFigures } from './fleet-figures.js'

const cache = new URL('../.cache/', import.meta.url)
const parts = ['fleet', 'saturated'] as const

const packageVersion = (name: string) =>
  (
    JSON.parse(readFileSync(new URL(`../node_modules/${name}/package.json`, import.meta.url), 'utf8')) as {
      version: string
    }
  ).version

/** The versions the figures name: BullMQ, ioredis, and the running redis-server's. */
export async function versionsAt(redisUrl: string): Promise<Record<string, string>> {
  const client = new Redis(redisUrl)
  const info = await client.info('server').catch(() => '')
  client.disconnect()
  return {
    bullmq: packageVersion('bullmq'),
    ioredis: packageVersion('ioredis'),
    redis: /redis_version:(\S+)/.exec(info)?.[1] ?? 'unknown',
  }
}

/** Writes one test file's report and renders the figures from every part on disk. */
export function writeReport(
  part: (typeof parts)[number],
  report: Record<string, unknown>,
  versions: Record<string, string>,
): void {
  mkdirSync(cache, { recursive: true })
  writeFileSync(
    new URL(`outbox-${part}.json`, cache),
    `${JSON.stringify({ ...report, versions }, null, 2)}\n`,
  )
  const merged: Record<string, unknown> = {}
  for (const name of parts) {
    const file = new URL(`outbox-${name}.json`, cache)
    if (existsSync(file)) Object.assign(merged, JSON.parse(readFileSync(file, 'utf8')))
  }
  writeFileSync(new URL('outbox-figures.md', cache), renderFigures(merged, versions))
  console.log(`outbox ${part}: ${JSON.stringify(report)}`)
}
