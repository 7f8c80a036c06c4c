import { fileURLToPath } from 'node:url'
import { mergeConfig } from 'vitest/config'
import { packageProject } from '../../vitest.shared.js'

// `pnpm test:outbox`: every outbox test, the fleet test included, one file at a time (the fleet
// test runs four worker processes and measures timing; sharing two cores with other files skews it).
export default mergeConfig(packageProject('outbox', { testTimeout: 150_000 }), {
  root: fileURLToPath(new URL('.', import.meta.url)),
  test: { fileParallelism: false, hookTimeout: 60_000 },
})
