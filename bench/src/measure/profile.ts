import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { runNode } from './child-process.js'

/** Self time of one group of code (a module or a runtime part), in µs per send. */
export interface ProfileEntry {
  name: string
  microsecondsPerSend: number
}

/** Where the CPU time of one send goes. */
export interface ProfileResult {
  groups: ProfileEntry[]
  functions: ProfileEntry[]
}

interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number } }>
  samples: number[]
  timeDeltas: number[]
}

/** The group a script belongs to: our files by name, libraries by package, Node by area. */
function groupOf(url: string, functionName: string): string {
  if (url === '') return functionName.startsWith('(') ? functionName : '(native)'
  const ours = url.match(/packages\/([^/]+)\/dist\/(.+)$/)
  if (ours) return `@msg/${ours[1]} ${ours[2]}`
  const library = url.match(/node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)\//)
  if (library) return library[1] as string
  if (url.includes('undici')) return 'undici (fetch)'
  if (url.startsWith('node:internal/streams') || url.includes('webstreams')) return 'node streams'
  if (url.startsWith('node:')) return `node ${url.replace(/^node:internal\//, '').split('/')[0]}`
  return url.replace(/^.*\/bench\/dist\//, 'bench ')
}

function top(totals: Map<string, number>, sends: number, count: number): ProfileEntry[] {
  return [...totals.entries()]
    .sort((left, right) => right[1] - left[1])
    .slice(0, count)
    .map(([name, microseconds]) => ({ name, microsecondsPerSend: microseconds / sends }))
}

/** Profiles `sends` sequential sends of one target (ours or raw) with `node --cpu-prof`. */
export async function profileSends(name: string, baseURL: string, which: 'ours' | 'raw', sends: number) {
  const directory = mkdtempSync(join(tmpdir(), 'msg-bench-profile-'))
  const child = fileURLToPath(new URL('../children/profile-child.js', import.meta.url))
  try {
    await runNode(['--cpu-prof', `--cpu-prof-dir=${directory}`, child, name, baseURL, which])
    const file = readdirSync(directory).find((entry) => entry.endsWith('.cpuprofile'))
    if (!file) throw new Error('no .cpuprofile written')
    const profile = JSON.parse(readFileSync(join(directory, file), 'utf8')) as CpuProfile
    const byId = new Map(profile.nodes.map((node) => [node.id, node.callFrame]))
    const groups = new Map<string, number>()
    const functions = new Map<string, number>()
    profile.samples.forEach((id, index) => {
      const frame = byId.get(id)
      if (!frame) return
      const delta = profile.timeDeltas[index] ?? 0
      const group = groupOf(frame.url, frame.functionName)
      groups.set(group, (groups.get(group) ?? 0) + delta)
      const where = `${frame.functionName || '(anonymous)'} ${group}:${frame.lineNumber + 1}`
      functions.set(where, (functions.get(where) ?? 0) + delta)
    })
    groups.delete('(idle)')
    for (const key of functions.keys()) if (key.startsWith('(idle)')) functions.delete(key)
    return { groups: top(groups, sends, 14), functions: top(functions, sends, 14) } satisfies ProfileResult
  } finally {
    rmSync(directory, { recursive: true, force: true })
  }
}
