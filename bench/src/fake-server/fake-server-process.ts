import { serve } from '@msg/core/testing'
import { createFakes } from './fakes.js'

/**
 * Child process: serves every fake on 127.0.0.1 (one port each) plus a control port, prints
 * `{ urls, control }` as one JSON line, and exits when its standard input closes.
 */
const fakes = createFakes()
const urls: Record<string, string> = {}
const servers = await Promise.all(
  Object.entries(fakes).map(async ([name, fake]) => {
    const served = await serve((request) => fake.handle(request))
    urls[name] = served.url
    return served
  }),
)

function countByPath(name: string): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const request of fakes[name]?.requests ?? []) counts[request.path] = (counts[request.path] ?? 0) + 1
  return counts
}

const control = await serve(async (request) => {
  const { pathname } = new URL(request.url)
  const [, action, name = ''] = pathname.split('/')
  if (action === 'cpu') return Response.json(process.cpuUsage())
  if (action === 'requests') return Response.json(countByPath(name))
  if (action === 'trim') {
    for (const fake of Object.values(fakes)) {
      if (Array.isArray(fake.requests)) fake.requests.length = 0
      if (Array.isArray(fake.inbox)) fake.inbox.length = 0
    }
    return Response.json({ trimmed: true })
  }
  return new Response('unknown control action', { status: 404 })
})

process.stdout.write(`${JSON.stringify({ urls, control: control.url })}\n`)
process.stdin.resume()
process.stdin.on('end', async () => {
  await Promise.all([...servers, control].map((server) => server.close()))
  process.exit(0)
})
