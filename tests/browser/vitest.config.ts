import { playwright } from '@vitest/browser-playwright'
import { defineProject } from 'vitest/config'
import { landedVendors } from '../../scripts/sandbox/landed-vendors.mjs'

const conditions = ['@msg/source', 'module', 'browser', 'development|production']
// A vendor not merged yet has nothing to import: its browser test is left out, loudly.
const { pending } = landedVendors()
if (pending.length > 0)
  console.warn(`browser: vendors PENDING (not merged yet): ${pending.map((v) => v.id).join(', ')}`)

const nodeConditions = ['@msg/source', 'module', 'node', 'development|production']

/**
 * Real Chromium (Debian's, headless) importing the packages as a browser would and sending
 * through CORS to fakes that `global-setup.ts` serves on 127.0.0.1.
 */
export default defineProject({
  resolve: { conditions },
  ssr: { resolve: { conditions: nodeConditions } },
  // globalSetup runs in Node through vitest's own module environment: serve sources there too.
  environments: {
    __vitest__: { resolve: { conditions: nodeConditions, externalConditions: nodeConditions } },
  },
  test: {
    name: 'browser',
    root: import.meta.dirname,
    include: ['**/*.test.ts'],
    exclude: ['**/node_modules/**', ...pending.map((vendor) => `${vendor.id}-in-browser.test.ts`)],
    globalSetup: ['global-setup.ts'],
    testTimeout: 20_000,
    // failures are reported as text; no screenshots left in the worktree
    browser: {
      enabled: true,
      headless: true,
      provider: playwright({
        launchOptions: {
          executablePath: '/usr/bin/chromium',
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ],
        },
      }),
      instances: [{ browser: 'chromium' }],
      screenshotFailures: false,
    },
  },
})
