import { packageProject } from '../../vitest.shared.js'

// `pnpm test` runs the quick tests; the fleet tests (worker processes, crashes, the saturated lane;
// about 75 s) run in `pnpm test:outbox` (vitest.fleet.config.ts).
export default packageProject('outbox', {
  exclude: ['**/node_modules/**', '**/dist/**', 'test/fleet.test.ts', 'test/saturated-lane.test.ts'],
  testTimeout: 60_000,
})
