import { packageProject } from '../../vitest.shared.js'

export default packageProject('token-store-redis', { testTimeout: 60_000 })
