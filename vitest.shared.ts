import { defineProject } from 'vitest/config'

/** The node test project of one package: tests beside the code, sources through `@msg/source`. */
export function packageProject(
  name: string,
  extra: { include?: string[]; exclude?: string[]; testTimeout?: number } = {},
) {
  return defineProject({
    ssr: { resolve: { conditions: ['@msg/source', 'module', 'node', 'development|production'] } },
    resolve: { conditions: ['@msg/source', 'module', 'node', 'development|production'] },
    test: {
      name,
      include: extra.include ?? ['src/**/*.test.ts', 'test/**/*.test.ts'],
      exclude: extra.exclude ?? ['**/node_modules/**', '**/dist/**'],
      environment: 'node',
      testTimeout: extra.testTimeout ?? 20_000,
    },
  })
}
