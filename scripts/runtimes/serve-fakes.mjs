// Serves the echo handler, every landed vendor's fake (from its built dist/) and the control
// endpoint on 127.0.0.1 in this Node process. Prints one JSON line with the URLs, then runs until
// stdin closes or SIGTERM arrives.
import process from 'node:process'
import { startFakes } from '../sandbox/start-fakes.mjs'

const started = await startFakes({ cors: process.argv.includes('--cors') })
let closing = false
async function stop() {
  if (closing) return
  closing = true
  await started.close()
  process.exit(0)
}
process.on('SIGTERM', stop)
process.on('SIGINT', stop)
process.stdin.on('end', stop)
process.stdin.resume()
console.log(JSON.stringify(started.endpoints))
