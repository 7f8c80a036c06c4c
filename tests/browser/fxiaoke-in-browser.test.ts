import * as fxiaoke from '@msg/fxiaoke'
import { describe, expect, inject, it } from 'vitest'
import { fxiaokeRichChecks } from '../../scripts/sandbox/fxiaoke-rich-scenario.mjs'
import { vendorInBrowser } from './vendor-scenario.js'

describe('@msg/fxiaoke in Chromium (pre-issued accessToken + ea)', () => {
  vendorInBrowser('fxiaoke', fxiaoke)

  it('sends a composite card, uploads an image with the browser FormData, renders a Notice', async () => {
    const fakes = inject('fakes')
    const url = fakes.vendors.fxiaoke
    const sample = fakes.samples.fxiaoke
    if (!url || !sample) throw new Error('the fake of fxiaoke is not served')
    const client = fxiaoke.createFxiaoke({
      ...(fakes.credentials.fxiaoke as { accessToken: string; ea: string }),
      userId: (sample.credentials as { userId: string }).userId,
      baseURL: url,
      retry: 0,
    })
    const passed: string[] = []
    await fxiaokeRichChecks(
      async (name, run) => {
        await run()
        passed.push(name)
      },
      {
        client,
        target: sample.target as { toUser: string[] },
        inbox: async () => (await fetch(`${fakes.control}/fxiaoke/inbox`)).json(),
      },
    )
    expect(passed).toHaveLength(3)
  })
})
