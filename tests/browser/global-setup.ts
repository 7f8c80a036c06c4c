import type { TestProject } from 'vitest/node'
import { startFakes } from '../../scripts/sandbox/start-fakes.mjs'
import type { Sample } from '../../scripts/sandbox/vendors.mjs'

/** Where the loopback fakes listen, handed to the browser through `inject('fakes')`. */
export interface FakeEndpoints {
  echo: string
  control: string
  vendors: Record<string, string>
  /** What a backend would hand the browser per vendor, e.g. a tenant token it fetched. */
  credentials: Record<string, Record<string, string>>
  /** Each vendor's sample credentials and target, from its sandbox descriptor. */
  samples: Record<string, Sample>
  pending: string[]
}

declare module 'vitest' {
  export interface ProvidedContext {
    fakes: FakeEndpoints
  }
}

/** Starts every fake on 127.0.0.1 with CORS before the browser opens, and stops them after. */
export default async function setup(project: TestProject) {
  const started = await startFakes({ cors: true })
  project.provide('fakes', started.endpoints)
  return () => started.close()
}
