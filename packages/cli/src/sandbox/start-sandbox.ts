import { type SandboxInbound, serve } from '@msg/core/testing'
import { listenSpecs } from '../listen/listen-specs.js'
import { type VendorName, vendorNames } from '../vendors/vendor-spec.js'
import { vendorSpecs } from '../vendors/vendor-specs.js'
import { loadSandboxVendor, toFlags } from './sandbox-vendors.js'
import { createVendorRouter, type SayHandler } from './vendor-router.js'

/** One vendor in a running sandbox. */
export interface SandboxVendor {
  /** `http://127.0.0.1:<port>/<vendor>`: pass as `baseURL` / `--base-url`. */
  baseURL: string
  /** Sample credentials the fake accepts, by `msg send` flag name. */
  credentials: Readonly<Record<string, string>>
  /** The same credentials plus the base URL, as environment variables. */
  env: Readonly<Record<string, string>>
  /** A sample target, by `msg send` flag name. */
  target: Readonly<Record<string, string>>
  /**
   * The sample webhook secrets the fake signs its pushes with, as the environment variables of
   * `msg listen` (empty while the vendor package has no webhook).
   */
  webhookEnv: Readonly<Record<string, string>>
}

/**
 * The four fakes served on one loopback port. `GET <url>/_sandbox` answers what each fake saw:
 * `{ gewe: { requests: <count>, inbox: [...] }, … }`; `POST <url>/_sandbox/say` with
 * `{ vendor, text, webhook }` has that vendor's fake push a signed user message to the webhook.
 */
export interface Sandbox {
  /** `http://127.0.0.1:<port>` */
  url: string
  vendors: Readonly<Record<VendorName, SandboxVendor>>
  /** The vendor writing back (webhook secrets, a simulated user), where its package has a webhook. */
  inbound(name: VendorName): SandboxInbound | undefined
  /** What the fake of a vendor accepted so far, oldest first. */
  inbox(name: VendorName): readonly unknown[]
  close(): Promise<void>
}

/**
 * Serves the fakes of all four vendors (each package's `./testing`) on 127.0.0.1, one port,
 * each under `/<vendor>`. `port` 0 (the default) picks a free port.
 */
export async function startSandbox(options: { port?: number } = {}): Promise<Sandbox> {
  const descriptors = await Promise.all(vendorNames.map((name) => loadSandboxVendor[name]()))
  const fakes = descriptors.map((descriptor) => descriptor.createFake())
  const routes = Object.fromEntries(vendorNames.map((name, index) => [name, fakes[index]!.handle]))
  const report = () =>
    Object.fromEntries(
      vendorNames.map((name, index) => [
        name,
        { requests: fakes[index]!.requests.length, inbox: fakes[index]!.inbox },
      ]),
    )
  const say: SayHandler = async (vendor, text, webhook) => {
    const index = vendorNames.indexOf(vendor as VendorName)
    const inbound = descriptors[index]?.inbound
    if (!inbound) return Response.json({ error: `no vendor "${vendor}" that writes back` }, { status: 404 })
    try {
      return Response.json(await inbound.say(webhook, text))
    } catch (error) {
      return Response.json({ error: `could not reach ${webhook}: ${String(error)}` }, { status: 502 })
    }
  }
  const served = await serve(createVendorRouter(routes, report, say), { port: options.port ?? 0 })
  const vendors = Object.fromEntries(
    vendorNames.map((name, index): [VendorName, SandboxVendor] => {
      const spec = vendorSpecs[name]
      const descriptor = descriptors[index]!
      const credentials = toFlags(descriptor.credentials)
      const baseURL = `${served.url}/${name}`
      const env: Record<string, string> = { [spec.baseUrlEnv]: baseURL }
      for (const credential of spec.credentials) {
        const value = credentials[credential.flag]
        if (value !== undefined) env[credential.env] = value
      }
      const webhookEnv: Record<string, string> = {}
      for (const secret of listenSpecs[name]?.secrets ?? []) {
        const value = descriptor.inbound?.secrets[secret.setting]
        if (value !== undefined) webhookEnv[secret.env] = value
      }
      return [name, { baseURL, credentials, env, target: toFlags(descriptor.target), webhookEnv }]
    }),
  ) as Record<VendorName, SandboxVendor>
  return {
    url: served.url,
    vendors,
    inbound: (name) => descriptors[vendorNames.indexOf(name)]?.inbound,
    inbox: (name) => fakes[vendorNames.indexOf(name)]?.inbox ?? [],
    close: () => served.close(),
  }
}
