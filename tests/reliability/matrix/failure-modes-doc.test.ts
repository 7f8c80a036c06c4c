import { readFileSync, writeFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { renderFailureModes } from './render-failure-modes.js'

const documentPath = new URL('../../../docs/failure-modes.md', import.meta.url)

describe('docs/failure-modes.md', () => {
  it('is the fault table the suites assert, rendered (regenerate: pnpm docs:failure-modes)', () => {
    const rendered = renderFailureModes()
    // biome-ignore lint/suspicious/noUndeclaredEnvVars: only the docs:failure-modes script sets it, never turbo
    if (process.env.UPDATE_FAILURE_MODES === '1') writeFileSync(documentPath, rendered)
    expect(readFileSync(documentPath, 'utf8')).toBe(rendered)
  })
})
