import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AnySender, VendorName } from '../harness/vendor-kit.js'
import { vendorKits } from '../harness/vendor-kits.js'
import { startFakeProcess } from './start-fake-process.js'

setFlagsFromString('--expose-gc')
const collectGarbage = runInNewContext('gc') as () => void

const sends = 10_000
const warmUpSends = 1_000
const concurrency = 200
const mebibyte = 1024 * 1024

const unhandled: unknown[] = []
const onUnhandled = (reason: unknown) => unhandled.push(reason)
beforeAll(() => process.on('unhandledRejection', onUnhandled))
afterAll(() => process.off('unhandledRejection', onUnhandled))

/** `total` sends through `concurrency` workers; counts outcomes by error class. */
async function run(sender: AnySender, total: number) {
  let next = 0
  let sent = 0
  const failures = new Map<string, number>()
  const worker = async () => {
    while (next < total) {
      const index = next++
      try {
        await sender.sendText(`load message ${index}`)
        sent++
      } catch (error) {
        const name = (error as Error).name
        failures.set(name, (failures.get(name) ?? 0) + 1)
      }
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker))
  const failed = [...failures.values()].reduce((sum, count) => sum + count, 0)
  return { sent, failed, failures: Object.fromEntries(failures) }
}

function heapAfterCollection(): number {
  collectGarbage()
  collectGarbage()
  return process.memoryUsage().heapUsed
}

describe.each(Object.keys(vendorKits) as VendorName[])('load without loss: %s', (vendor) => {
  it(`${sends} sendText at concurrency ${concurrency} with 5 % faults: all settle, none lost, heap flat`, async () => {
    const server = await startFakeProcess(vendor)
    try {
      const sender = vendorKits[vendor].createSender(server.url, {
        timeout: 10_000,
        retry: { limit: 2, backoffLimit: 10 },
      })
      const warm = await run(sender, warmUpSends)
      expect(warm.sent).toBe((await server.stats()).delivered)
      const heapAfterWarmUp = heapAfterCollection()
      const started = performance.now()
      const result = await run(sender, sends)
      const seconds = (performance.now() - started) / 1000
      const heapDelta = heapAfterCollection() - heapAfterWarmUp
      const stats = await server.stats()
      const delivered = stats.delivered - warm.sent
      console.info(
        `load ${vendor}: ${sends} sends in ${seconds.toFixed(1)} s, sent ${result.sent}, failed ${result.failed} ` +
          `${JSON.stringify(result.failures)}, delivered ${delivered}, lost ${result.sent - delivered}, ` +
          `faults injected ${stats.faults}, heap delta ${(heapDelta / mebibyte).toFixed(2)} MiB`,
      )
      expect(result.sent + result.failed).toBe(sends)
      expect(result.sent).toBe(delivered)
      expect(stats.faults).toBeGreaterThanOrEqual((sends + warmUpSends) / 20)
      expect(unhandled).toEqual([])
      expect(Math.abs(heapDelta)).toBeLessThan(10 * mebibyte)
    } finally {
      await server.stop()
    }
  })
})
