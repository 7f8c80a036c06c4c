import { mergeConfig } from 'vitest/config'
import { packageProject } from '../../vitest.shared.js'

export default mergeConfig(packageProject('cli', { testTimeout: 30_000 }), {
  test: { globalSetup: ['test/global-setup.ts'] },
})
