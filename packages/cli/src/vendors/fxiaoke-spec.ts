import { UsageError } from '../usage-error.js'
import { onlyContentFlag } from './content-flags.js'
import { requireCredential } from './require-flag.js'
import { sendableMessage } from './sendable-message.js'
import type { VendorSpec } from './vendor-spec.js'

/** `msg send fxiaoke`: a text to CRM users, in batches of 500. */
export const fxiaokeSpec: VendorSpec = {
  vendor: 'fxiaoke',
  title: 'Fxiaoke (ShareCRM) OpenAPI',
  baseUrlEnv: 'FXIAOKE_BASE_URL',
  targetFlags: [
    { name: 'to-user', description: 'recipient user id; repeat or comma-separate', multiple: true },
  ],
  contentFlags: [
    { name: 'composite', description: 'a composite card JSON file ({ head, first?, form?, link })' },
  ],
  optionFlags: [],
  credentials: [
    { flag: 'app-id', env: 'FXIAOKE_APP_ID', description: 'app id (FSAID_…)', secret: false },
    { flag: 'app-secret', env: 'FXIAOKE_APP_SECRET', description: 'app secret', secret: true },
    { flag: 'permanent-code', env: 'FXIAOKE_PERMANENT_CODE', description: 'permanent code', secret: true },
    { flag: 'user-id', env: 'FXIAOKE_USER_ID', description: 'acting CRM user (optional)', secret: false },
  ],
  examples: [
    'FXIAOKE_APP_ID=… FXIAOKE_APP_SECRET=… FXIAOKE_PERMANENT_CODE=… msg send fxiaoke --to-user FSUID_1,FSUID_2 --text "hi"',
  ],
  async prepare(input) {
    const raw = input.values['to-user']
    const toUser = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw])
      .flatMap((value) => value.split(','))
      .map((value) => value.trim())
      .filter((value) => value !== '')
    if (toUser.length === 0) throw new UsageError('missing target: pass --to-user', 'send')
    const appId = requireCredential(fxiaokeSpec, input, 'app-id')
    const appSecret = requireCredential(fxiaokeSpec, input, 'app-secret')
    const permanentCode = requireCredential(fxiaokeSpec, input, 'permanent-code')
    const userId = input.credential('user-id')
    const { createFxiaoke } = await import('@msg/fxiaoke')
    const client = createFxiaoke({
      appId,
      appSecret,
      permanentCode,
      ...(userId ? { userId } : {}),
      ...input.transport,
    })
    if (onlyContentFlag(input, ['composite']) !== undefined) {
      const composite = (await input.readJson('composite')) as never
      return async (options) => {
        const sent = await client.message.send({ toUser, msgType: 'composite', composite }, options)
        return { vendor: 'fxiaoke', requestId: sent.traceId, raw: sent }
      }
    }
    const message = sendableMessage(input)
    return (options) => client.channel({ toUser }).send(message, options)
  },
}
