import { existsSync, readFileSync } from 'node:fs'
import { benchDirectory } from '../measure/child-process.js'

/**
 * The outbox fleet figures. They are measured by `pnpm test:outbox` (a real Redis, worker processes,
 * crashes: nothing `pnpm bench` runs) and kept in `docs/outbox-figures.md`, included here verbatim so
 * a rerun of `pnpm bench` keeps them.
 * @see ../../../packages/outbox/README.md#tests
 */
export function outboxSection(): string {
  const path = `${benchDirectory}../docs/outbox-figures.md`
  return existsSync(path) ? readFileSync(path, 'utf8').trim() : ''
}
