import * as gewe from '@msg/gewe'
import { describe } from 'vitest'
import { vendorInBrowser } from './vendor-scenario.js'

describe('@msg/gewe in Chromium', () => {
  vendorInBrowser('gewe', gewe)
})
