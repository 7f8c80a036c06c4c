import { createGeweFake } from '@msg/gewe/testing'
import { type BenchFake, createEchoFake } from './echo-fake.js'

/** Every fake the benchmark serves, by target name. Vendors are added here as they land. */
export function createFakes(): Record<string, BenchFake> {
  return {
    core: createEchoFake(),
    gewe: createGeweFake(),
  }
}
