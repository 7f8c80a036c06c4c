import { serve } from '@msg/core/testing'
import { echoHandler } from './echo-handler.mjs'
import { landedVendors } from './landed-vendors.mjs'
import { sampleOf } from './vendors.mjs'

/** JSON that keeps bigint values as decimal strings. */
function toJson(value) {
  return JSON.stringify(value, (_key, item) => (typeof item === 'bigint' ? item.toString() : item))
}

function json(value, status = 200) {
  return new Response(toJson(value), { status, headers: { 'content-type': 'application/json' } })
}

/** Inspects the fakes from another process or a browser: inbox, request count, reset. */
function controlHandler(fakes) {
  return async (request) => {
    const [, id, action] = new URL(request.url).pathname.split('/')
    const fake = fakes.get(id ?? '')
    if (!fake) return json({ error: `no fake named ${id}` }, 404)
    if (action === 'inbox') return json(fake.inbox)
    if (action === 'requests') return json({ count: fake.requests.length })
    if (action === 'reset' && request.method === 'POST') {
      fake.reset()
      return json({ reset: true })
    }
    return json({ error: `unknown action ${action}` }, 404)
  }
}

/**
 * Serves the core echo handler, each landed vendor's fake and a control endpoint on 127.0.0.1.
 * Node only. The vendor fakes come from `@msg/<vendor>/testing` as the caller's resolver sees it
 * (sources under vitest, `dist/` under plain Node).
 * @param {{ cors?: boolean }} [options]
 */
export async function startFakes(options = {}) {
  const cors = options.cors === true
  const { landed, pending } = landedVendors()
  const servers = [await serve(echoHandler, { cors })]
  const fakes = new Map()
  /** @type {Record<string, string>} */
  const urls = {}
  /** @type {Record<string, Record<string, string>>} */
  const credentials = {}
  /** @type {Record<string, import('./vendors.mjs').Sample>} */
  const samples = {}
  try {
    for (const vendor of landed) {
      const sandbox = vendor.sandbox(await import(`${vendor.packageName}/testing`))
      const sample = sampleOf(sandbox)
      const fake = sandbox.createFake()
      const served = await serve(fake.handle, { cors })
      servers.push(served)
      fakes.set(vendor.id, fake)
      urls[vendor.id] = served.url
      samples[vendor.id] = sample
      credentials[vendor.id] = (await vendor.issueCredentials?.(fake, sample)) ?? {}
      if (vendor.createProxy) {
        const proxy = await serve(vendor.createProxy(fake, await import(vendor.packageName), sample), {
          cors,
        })
        servers.push(proxy)
        credentials[vendor.id].proxyURL = proxy.url
      }
    }
    const control = await serve(controlHandler(fakes), { cors })
    servers.push(control)
    return {
      endpoints: {
        echo: servers[0].url,
        control: control.url,
        vendors: urls,
        credentials,
        samples,
        pending: pending.map((vendor) => vendor.id),
      },
      fakes,
      close: () => Promise.all(servers.map((server) => server.close())).then(() => undefined),
    }
  } catch (error) {
    await Promise.all(servers.map((server) => server.close()))
    throw error
  }
}
