import { createCheckTally } from './check-tally.mjs'
import { echoId } from './echo-handler.mjs'
import { richChecks } from './rich-scenario.mjs'
import { smokeText, vendorById } from './vendors.mjs'

function assert(condition, message) {
  if (!condition) throw new Error(message)
}

async function rejection(promise) {
  try {
    await promise
  } catch (error) {
    return error
  }
  throw new Error('expected a rejection, the call succeeded')
}

async function control(endpoints, id, action) {
  const response = await fetch(`${endpoints.control}/${id}/${action}`)
  assert(response.ok, `control ${id}/${action} answered ${response.status}`)
  return response.json()
}

async function coreChecks(check, { endpoints, core, valibot, createEchoClient }) {
  const client = createEchoClient(core, valibot, endpoints.echo)
  await check('core: send JSON, 64-bit id kept exact', async () => {
    const data = await client.post({ text: smokeText })
    assert(data.id === echoId, `id ${data.id} !== ${echoId}`)
    assert(data.echo.body.text === smokeText, 'echo lost the body')
  })
  await check('core: failure code → VendorError', async () => {
    const error = await rejection(client.post({ text: smokeText }, 230002))
    assert(core.VendorError.isInstance(error), `got ${error?.name}: ${error?.message}`)
    assert(error.code === 230002, `code ${error.code}`)
  })
}

async function vendorChecks(check, { endpoints, core }, id, main) {
  const entry = vendorById(id)
  const url = endpoints.vendors[id]
  const issued = endpoints.credentials[id]
  const sample = endpoints.samples[id]
  const client = entry.createClient(main, url, issued, sample)
  await check(`${id}: sendText reaches the fake`, async () => {
    const before = (await control(endpoints, id, 'inbox')).length
    const sent = await client.sendText(sample.target, smokeText)
    assert(sent.vendor === id, `vendor ${sent.vendor}`)
    const inbox = await control(endpoints, id, 'inbox')
    assert(inbox.length === before + 1, `inbox grew from ${before} to ${inbox.length}`)
    assert(JSON.stringify(inbox.at(-1)).includes(smokeText), 'the text is not in the inbox')
    return `messageId ${sent.messageId}`
  })
  await check(`${id}: empty text → ValidationError, nothing sent`, async () => {
    const before = (await control(endpoints, id, 'requests')).count
    const error = await rejection(client.sendText(sample.target, ''))
    assert(core.ValidationError.isInstance(error), `got ${error?.name}: ${error?.message}`)
    const after = (await control(endpoints, id, 'requests')).count
    assert(after === before, `the fake saw ${after - before} requests`)
  })
  await check(`${id}: refused credentials → VendorError`, async () => {
    const error = await rejection(
      entry.createRejectedClient(main, url, issued, sample).sendText(sample.target, smokeText),
    )
    assert(core.VendorError.isInstance(error), `got ${error?.name}: ${error?.message}`)
    return `${error.name} code ${error.code}`
  })
  for (const rich of richChecks[id] ?? []) {
    await check(rich.name, () =>
      rich.run({ client, sample, control: (action) => control(endpoints, id, action) }),
    )
  }
}

/**
 * The smoke scenario every runtime runs: core alone, then per vendor one send, one
 * ValidationError and one VendorError against the loopback fakes, then the vendor's `richChecks`.
 * @param {object} input
 * @param {{ echo: string, control: string, vendors: Record<string, string>, credentials: Record<string, Record<string, string>>, samples: Record<string, import('./vendors.mjs').Sample> }} input.endpoints
 * @param {typeof import('@msg/core')} input.core
 * @param {typeof import('valibot')} input.valibot
 * @param {Function} input.createEchoClient
 * @param {Record<string, unknown>} input.vendorModules main module of each vendor, by id
 * @param {(line: string) => void} input.log
 * @returns {Promise<ReturnType<typeof createCheckTally>>} the tally, for further checks
 */
export async function runSmoke(input) {
  const tally = createCheckTally(input.log)
  await coreChecks(tally.check, input)
  for (const [id, main] of Object.entries(input.vendorModules))
    await vendorChecks(tally.check, input, id, main)
  return tally
}
