import { readFileSync } from 'node:fs'
import { expect, it } from 'vitest'
import { version } from './version.js'

it('equals package.json version', () => {
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))
  expect(version).toBe(manifest.version)
})
