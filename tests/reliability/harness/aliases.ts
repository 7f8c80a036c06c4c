import { fileURLToPath } from 'node:url'

const packages = fileURLToPath(new URL('../../../packages/', import.meta.url))
const names = ['core', 'feishu', 'gewe', 'fxiaoke', 'netease-im', 'token-store-redis']

/** `@msg/<name>` and `@msg/<name>/testing` → the package sources, so the suites run without a build. */
export const sourceAliases = names.flatMap((name) => [
  { find: `@msg/${name}/testing`, replacement: `${packages}${name}/src/testing/index.ts` },
  { find: new RegExp(`^@msg/${name}$`), replacement: `${packages}${name}/src/index.ts` },
])
