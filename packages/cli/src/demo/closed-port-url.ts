import { createServer } from 'node:net'

/** A loopback URL nobody listens on (a port opened and closed again): connecting is refused. */
export async function closedPortURL(): Promise<string> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 9
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return `http://127.0.0.1:${port}`
}
