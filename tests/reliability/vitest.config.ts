import { fileURLToPath } from 'node:url'
import { defineProject } from 'vitest/config'
import { sourceAliases } from './harness/aliases.js'

/** Fault matrix, redaction audit, property tests and the failure-modes doc check (load tests: vitest.load.config.ts). */
export default defineProject({
  resolve: { alias: sourceAliases },
  test: {
    name: 'reliability',
    root: fileURLToPath(new URL('.', import.meta.url)),
    include: ['**/*.test.ts'],
    exclude: ['load/**', '**/node_modules/**'],
    environment: 'node',
    testTimeout: 30_000,
  },
})
