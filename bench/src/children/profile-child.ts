import { benchSettings } from '../bench-settings.js'
import { allTargets } from '../targets/all-targets.js'

/**
 * Child process, run with `--cpu-prof`: sequential sends through one target against the fake
 * server whose URL it is given (the fake runs in another process, so the profile is ours alone).
 */
const [name = 'core', baseURL = '', which = 'ours'] = process.argv.slice(2)
const target = allTargets.find((candidate) => candidate.name === name)
if (!target || baseURL === '')
  throw new Error(`usage: node --cpu-prof profile-child.js <target> <baseURL> [ours|raw]`)
const pair = await target.prepare(baseURL)
const send = which === 'raw' ? pair.raw : pair.ours
for (let index = 0; index < benchSettings.profileSends; index++) await send()
