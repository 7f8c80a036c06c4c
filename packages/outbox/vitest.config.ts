import { packageProject } from '../../vitest.shared.js'

// `pnpm test` runs the quick tests; the fleet test (worker processes, crashes, ~40-60 s) runs in
// `pnpm test:outbox` (vitest.fleet.config.ts).
export default packageProject('outbox', {
  exclude: ['**/node_modules/**', '**/dist/**', 'test/fleet.test.ts'],
  testTimeout: 60_000,
})
