import { describe, expect, it } from 'vitest'
import { vendorNames } from '../vendors/vendor-spec.js'
import { vendorSpecs } from '../vendors/vendor-specs.js'
import { flagName, loadSandboxVendor, toFlags } from './sandbox-vendors.js'

describe('sandbox flags derived from the vendor descriptors', () => {
  it('turns camelCase setting names into flags and joins arrays by commas', () => {
    expect(flagName('permanentCode')).toBe('permanent-code')
    expect(toFlags({ toUser: ['a', 'b'], appId: 'x', finder: { nested: 'y' } })).toEqual({
      'to-user': 'a,b',
      'app-id': 'x',
    })
  })

  it.each(vendorNames)('%s: every credential and target field is a flag of msg send', async (name) => {
    const descriptor = await loadSandboxVendor[name]()
    const spec = vendorSpecs[name]
    const credentialFlags = spec.credentials.map((credential) => credential.flag)
    for (const flag of Object.keys(toFlags(descriptor.credentials))) expect(credentialFlags).toContain(flag)
    const targetFlags = spec.targetFlags.map((flag) => flag.name)
    for (const flag of Object.keys(toFlags(descriptor.target))) expect(targetFlags).toContain(flag)
  })
})
