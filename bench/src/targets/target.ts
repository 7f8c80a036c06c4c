/** One send through our client and the same request with raw `fetch` + `JSON.parse`. */
export interface SendPair {
  ours: () => Promise<unknown>
  raw: () => Promise<unknown>
}

/** Something the benchmark measures: a vendor client (or core alone) beside raw fetch. */
export interface BenchTarget {
  /** Name of the fake it talks to, e.g. `feishu`. */
  name: string
  /** Row label in the tables. */
  label: string
  /**
   * Builds both senders against the fake at `baseURL` (tokens are fetched by the first send).
   * `fetch`, when given, replaces the network for our client (in-process memory runs).
   */
  prepare(baseURL: string, fetch?: typeof globalThis.fetch): Promise<SendPair>
  /** Profile this target's send path with --cpu-prof. */
  profile?: boolean
}

/** A client whose token requests are counted for N concurrent first sends. */
export interface TokenTarget {
  label: string
  /** Fake it talks to. */
  fake: string
  /** Path of the token endpoint at the fake. */
  tokenPath: string
  /** A fresh client (empty token cache) and its send. */
  createSend(baseURL: string): () => Promise<unknown>
}

/** `fetch` a JSON request and parse the answer, as a hand-written client would. */
export async function rawJson(url: string, init: RequestInit): Promise<unknown> {
  const response = await fetch(url, init)
  return JSON.parse(await response.text())
}
