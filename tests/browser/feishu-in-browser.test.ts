import * as vendor from '@msg/feishu'
import { describe } from 'vitest'
import { vendorInBrowser } from './vendor-scenario.js'

describe('@msg/feishu in Chromium', () => {
  vendorInBrowser('feishu', vendor)
})
