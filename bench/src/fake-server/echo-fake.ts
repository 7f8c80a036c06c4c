/** What the benchmark needs from a vendor fake: its fetch handler and what it recorded. */
export interface BenchFake {
  handle(request: Request): Promise<Response>
  requests?: Array<{ path: string }>
  inbox?: unknown[]
  /** Forgets everything (tokens too: a client then refreshes its token once). */
  reset?(): void
}

/**
 * A minimal fake for core's transport alone: it reads and parses the JSON body like the vendor
 * fakes do and answers a Feishu-style `{ code: 0, data: { message_id } }` envelope.
 */
export function createEchoFake(): BenchFake {
  const requests: Array<{ path: string }> = []
  let counter = 0
  return {
    requests,
    async handle(request) {
      const body: unknown = JSON.parse(await request.text())
      requests.push({ path: new URL(request.url).pathname })
      counter++
      const answer = { code: 0, msg: 'ok', data: { message_id: `om_${counter}`, echo: body !== null } }
      return new Response(JSON.stringify(answer), { headers: { 'content-type': 'application/json' } })
    },
  }
}
