import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'
import { sourceAliases } from './harness/aliases.js'

/** `pnpm test:load`: 10 000 sends per vendor at concurrency 200 with 5 % injected faults (kept out of unit runs). */
export default defineConfig({
  resolve: { alias: sourceAliases },
  test: {
    name: 'load',
    root: fileURLToPath(new URL('.', import.meta.url)),
    include: ['load/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    fileParallelism: false,
  },
})
