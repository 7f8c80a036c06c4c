import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, it } from 'vitest'

it('the package imports nothing from node:* outside tests', () => {
  const root = new URL('..', import.meta.url).pathname
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter(
    (file) => file.endsWith('.ts') && !file.endsWith('.test.ts'),
  )
  expect(files).toContain(join('webhook', 'gewe-webhook.ts'))
  for (const file of files) expect(readFileSync(join(root, file), 'utf8')).not.toMatch(/from ['"]node:/)
})
