import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, it } from 'vitest'

it('the inbound pieces import nothing from node:* (they run in Workers, Deno, Bun and browsers)', () => {
  const root = new URL('.', import.meta.url).pathname
  const files = readdirSync(root).filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
  expect(files.length).toBeGreaterThan(5)
  for (const file of files) expect(readFileSync(join(root, file), 'utf8'), file).not.toMatch(/from ['"]node:/)
})
