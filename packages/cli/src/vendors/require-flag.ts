import { UsageError } from '../usage-error.js'
import type { SendInput, VendorSpec } from './vendor-spec.js'

/** The value of a required single-valued flag, or a `UsageError` naming it. */
export function requireFlag(input: SendInput, flag: string, what: string): string {
  const value = input.values[flag]
  const single = Array.isArray(value) ? value.at(-1) : value
  if (single === undefined || single === '') throw new UsageError(`missing ${what}: pass --${flag}`, 'send')
  return single
}

/** The value of an optional single-valued flag. */
export function optionalFlag(input: SendInput, flag: string): string | undefined {
  const value = input.values[flag]
  return Array.isArray(value) ? value.at(-1) : value
}

/** A required credential, or a `UsageError` naming both its flag and its environment variable. */
export function requireCredential(spec: VendorSpec, input: SendInput, flag: string): string {
  const value = input.credential(flag)
  if (value !== undefined && value !== '') return value
  const credential = spec.credentials.find((candidate) => candidate.flag === flag)
  const variable = credential ? ` or set ${credential.env}` : ''
  throw new UsageError(`missing credential for ${spec.vendor}: pass --${flag}${variable}`, 'send')
}
