import * as gewe from '@msg/gewe'
import { describe, inject, it } from 'vitest'
import { richChecks } from '../../scripts/sandbox/rich-scenario.mjs'
import { vendorById } from '../../scripts/sandbox/vendors.mjs'
import { vendorInBrowser } from './vendor-scenario.js'

describe('@msg/gewe in Chromium', () => {
  vendorInBrowser('gewe', gewe)

  for (const rich of richChecks.gewe ?? []) {
    it(rich.name, async () => {
      const fakes = inject('fakes')
      const sample = fakes.samples.gewe
      const url = fakes.vendors.gewe
      if (!sample || !url) throw new Error('the gewe fake is not served')
      const client = vendorById('gewe').createClient(gewe, url, fakes.credentials.gewe, sample)
      const control = async (action: string) => (await fetch(`${fakes.control}/gewe/${action}`)).json()
      await rich.run({ client, sample, control })
    })
  }
})
