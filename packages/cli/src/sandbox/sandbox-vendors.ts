import type { KnownVendor } from '@msg/core'
import type { SandboxVendor } from '@msg/core/testing'

/**
 * Each vendor's sandbox descriptor (its package's `./testing`), loaded only when a sandbox starts:
 * the testing kits pull in msw, which `msg send` without `--sandbox` never needs.
 */
export const loadSandboxVendor: Readonly<Record<KnownVendor, () => Promise<SandboxVendor>>> = {
  gewe: async () => (await import('@msg/gewe/testing')).geweSandbox,
  feishu: async () => (await import('@msg/feishu/testing')).feishuSandbox,
  fxiaoke: async () => (await import('@msg/fxiaoke/testing')).fxiaokeSandbox,
  'netease-im': async () => (await import('@msg/netease-im/testing')).neteaseImSandbox,
}

/** `appId` → `app-id`: the `msg send` flag of a credential or target field. */
export function flagName(settingName: string): string {
  return settingName.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)
}

/**
 * Fields by `msg send` flag name; arrays are joined by commas, as the flags accept them. Nested
 * objects have no flag of their own and are left out.
 */
export function toFlags(fields: unknown): Record<string, string> {
  const flags: Record<string, string> = {}
  for (const [name, value] of Object.entries(fields ?? {})) {
    if (typeof value === 'string') flags[flagName(name)] = value
    else if (Array.isArray(value)) flags[flagName(name)] = value.join(',')
  }
  return flags
}
