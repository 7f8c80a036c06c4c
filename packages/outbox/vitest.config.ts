import { packageProject } from '../../vitest.shared.js'

export default packageProject('outbox', { testTimeout: 60_000 })
