import { feishuSandbox } from '@msg/feishu/testing'
import { createFxiaokeFake, fxiaokeSandbox } from '@msg/fxiaoke/testing'
import { geweSandbox } from '@msg/gewe/testing'
import { neteaseImSandbox } from '@msg/netease-im/testing'
import { type BenchFake, createEchoFake } from './echo-fake.js'

const { appId, appSecret, permanentCode } = fxiaokeSandbox.credentials

/** Every fake the benchmark serves, by target name: each vendor's sandbox fake, accepting its sample credentials. */
export function createFakes(): Record<string, BenchFake> {
  return {
    core: createEchoFake(),
    feishu: feishuSandbox.createFake(),
    gewe: geweSandbox.createFake(),
    // The bench creates a client (one token call) per measurement and child process.
    fxiaoke: createFxiaokeFake({ appId, appSecret, permanentCode, tokenCallsPerMinute: 10_000 }),
    'netease-im': neteaseImSandbox.createFake(),
  }
}
