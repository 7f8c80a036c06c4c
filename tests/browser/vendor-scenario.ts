import * as core from '@msg/core'
import { expect, inject, it } from 'vitest'
import { richChecks } from '../../scripts/sandbox/rich-scenario.mjs'
import { smokeText, vendorById } from '../../scripts/sandbox/vendors.mjs'

async function control(id: string, action: string): Promise<unknown> {
  const response = await fetch(`${inject('fakes').control}/${id}/${action}`)
  expect(response.ok).toBe(true)
  return response.json()
}

/**
 * The browser scenario of one vendor package imported as a browser would: `sendText` across CORS
 * to its fake on 127.0.0.1 (with a pre-issued token, or through the user's signing proxy) lands in
 * the fake's inbox, bad input never leaves the page, refused credentials are a VendorError, and the
 * browser guard refuses the long-lived secret unless `dangerouslyAllowBrowser` is set; then the
 * vendor's rich-message checks, the same `richChecks` Node, Bun and Deno run.
 */
export function vendorInBrowser(id: string, main: unknown): void {
  const entry = vendorById(id)
  const url = () => {
    const served = inject('fakes').vendors[id]
    if (!served) throw new Error(`the fake of ${id} is not served`)
    return served
  }
  const issued = () => inject('fakes').credentials[id]
  const sample = () => {
    const found = inject('fakes').samples[id]
    if (!found) throw new Error(`no sandbox sample of ${id}`)
    return found
  }
  const createClient = () =>
    (entry.createBrowserClient ?? entry.createClient)(main, url(), issued(), sample())

  it('sends a text through sendText across CORS and the fake receives it', async () => {
    expect(new URL(url()).origin).not.toBe(location.origin)
    const before = ((await control(id, 'inbox')) as unknown[]).length
    const sent = await createClient().sendText(sample().target, smokeText)
    expect(sent.vendor).toBe(id)
    const inbox = (await control(id, 'inbox')) as unknown[]
    expect(inbox).toHaveLength(before + 1)
    expect(JSON.stringify(inbox.at(-1))).toContain(smokeText)
  })

  it('rejects an empty text with a ValidationError before any request', async () => {
    const before = ((await control(id, 'requests')) as { count: number }).count
    const failure = await createClient()
      .sendText(sample().target, '')
      .catch((error: unknown) => error)
    expect(core.ValidationError.isInstance(failure)).toBe(true)
    expect(((await control(id, 'requests')) as { count: number }).count).toBe(before)
  })

  it('answers refused credentials with a VendorError', async () => {
    const failure = await entry
      .createRejectedClient(main, url(), issued(), sample())
      .sendText(sample().target, smokeText)
      .catch((error: unknown) => error)
    expect(core.VendorError.isInstance(failure)).toBe(true)
  })

  it(`refuses \`${entry.secretSetting}\` in a browser without dangerouslyAllowBrowser`, () => {
    const create = entry.createWithSecret
    if (!create) throw new Error(`${id} has no long-lived secret to guard`)
    expect(() => create(main, url(), false, sample())).toThrow(
      expect.objectContaining({
        name: 'ValidationError',
        message: expect.stringContaining(`refusing \`${entry.secretSetting}\` in a browser`),
      }),
    )
    expect(() => create(main, url(), true, sample())).not.toThrow()
  })

  for (const rich of richChecks[id] ?? []) {
    it(rich.name, async () => {
      await rich.run({ client: createClient(), sample: sample(), control: (action) => control(id, action) })
    })
  }
}
