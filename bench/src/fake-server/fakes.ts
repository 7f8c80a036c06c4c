import { createFeishuFake } from '@msg/feishu/testing'
import { createFxiaokeFake } from '@msg/fxiaoke/testing'
import { createGeweFake } from '@msg/gewe/testing'
import { createNeteaseImFake } from '@msg/netease-im/testing'
import { type BenchFake, createEchoFake } from './echo-fake.js'

/** Every fake the benchmark serves, by target name. Vendors are added here as they land. */
export function createFakes(): Record<string, BenchFake> {
  return {
    core: createEchoFake(),
    feishu: createFeishuFake(),
    gewe: createGeweFake(),
    // The bench creates a client (one token call) per measurement and child process.
    fxiaoke: createFxiaokeFake({ tokenCallsPerMinute: 10_000 }),
    'netease-im': createNeteaseImFake(),
  }
}
