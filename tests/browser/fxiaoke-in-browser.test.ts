import * as fxiaoke from '@msg/fxiaoke'
import { describe } from 'vitest'
import { vendorInBrowser } from './vendor-scenario.js'

describe('@msg/fxiaoke in Chromium (pre-issued accessToken + ea)', () => {
  vendorInBrowser('fxiaoke', fxiaoke)
})
