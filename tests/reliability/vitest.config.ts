import { defineProject } from 'vitest/config'
import { sourceAliases } from './harness/aliases.js'

/** Fault matrix, redaction audit, property tests and the failure-modes doc check (load tests: vitest.load.config.ts). */
export default defineProject({
  resolve: { alias: sourceAliases },
  test: {
    name: 'reliability',
    root: import.meta.dirname,
    include: ['**/*.test.ts'],
    exclude: ['load/**', '**/node_modules/**'],
    environment: 'node',
    testTimeout: 30_000,
  },
})
