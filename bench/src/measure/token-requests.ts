import { benchSettings } from '../bench-settings.js'
import type { FakeServer } from '../fake-server/start-fake-server.js'
import type { TokenRecord } from '../report/results.js'
import type { TokenTarget } from '../targets/target.js'

/** Sends `firstSends` texts at once from a fresh client and counts token requests at the fake. */
export async function measureTokenRequests(
  target: TokenTarget,
  baseURL: string,
  server: FakeServer,
): Promise<TokenRecord> {
  await server.trim()
  const send = target.createSend(baseURL)
  const outcomes = await Promise.allSettled(Array.from({ length: benchSettings.firstSends }, () => send()))
  const failed = outcomes.filter((outcome) => outcome.status === 'rejected').length
  const counts = await server.requestCounts(target.fake)
  await server.trim()
  return {
    label: target.label,
    firstSends: benchSettings.firstSends,
    tokenRequests: counts[target.tokenPath] ?? 0,
    failedSends: failed,
  }
}
