import * as vendor from '@msg/netease-im'
import { describe } from 'vitest'
import { vendorInBrowser } from './vendor-scenario.js'

describe('@msg/netease-im in Chromium', () => {
  vendorInBrowser('netease-im', vendor)
})
