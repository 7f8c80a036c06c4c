import { packageProject } from '../../vitest.shared.js'

export default packageProject('cli', { testTimeout: 30_000 })
