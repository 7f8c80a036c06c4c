import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { build, type Plugin } from 'esbuild'
import { sourceAliases } from '../harness/aliases.js'

const here = fileURLToPath(new URL('.', import.meta.url))

/** Resolves `@msg/*` to the package sources, as the vitest aliases do. */
const sourcesPlugin: Plugin = {
  name: 'msg-sources',
  setup(builder) {
    builder.onResolve({ filter: /^@msg\// }, (args) => {
      const alias = sourceAliases.find((candidate) =>
        typeof candidate.find === 'string' ? candidate.find === args.path : candidate.find.test(args.path),
      )
      return alias ? { path: alias.replacement } : undefined
    })
  },
}

/** Bundles and starts the fake server process for `vendor`; resolves with its URL and a stop function. */
export async function startFakeProcess(vendor: string) {
  const outfile = `${here}../.cache/fake-server-process.mjs`
  await build({
    entryPoints: [`${here}fake-server-process.ts`],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['msw'],
    plugins: [sourcesPlugin],
    logLevel: 'silent',
  })
  const child = spawn(process.execPath, [outfile], { env: { ...process.env, VENDOR: vendor } })
  let errors = ''
  child.stderr.on('data', (chunk: Buffer) => {
    errors += chunk.toString()
  })
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString().trim()))
    child.once('exit', (code) => reject(new Error(`fake server exited with ${code}: ${errors}`)))
  })
  return {
    url,
    async stats(): Promise<{ delivered: number; faults: number }> {
      return (await (await fetch(`${url}/__load/stats`)).json()) as { delivered: number; faults: number }
    },
    stop: () =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000)
        child.once('exit', () => {
          clearTimeout(timer)
          resolve()
        })
        child.stdin.end()
      }),
  }
}
