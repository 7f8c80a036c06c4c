import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import { type BuildOptions, build } from 'esbuild'
import { bundleSource, type OneSendApp } from '../targets/one-send-apps.js'
import { benchDirectory } from './child-process.js'

/** Size of a minified one-send app bundle. */
export interface BundleSizeResult {
  platform: 'browser' | 'node'
  minifiedBytes: number
  gzipBytes: number
}

/**
 * What an app loads before its first call: the entry chunk and the chunks it imports statically,
 * bundled with code splitting as an app's bundler would, so the rich half of each client (loaded
 * by `import()` on first use) is left out, as `pnpm size` leaves it out.
 */
async function measureInitialLoad(entry: string, platform: 'browser' | 'node'): Promise<BundleSizeResult> {
  const outdir = mkdtempSync(join(tmpdir(), 'msg-bench-bundle-'))
  try {
    const options: BuildOptions = {
      entryPoints: [entry],
      bundle: true,
      minify: true,
      splitting: true,
      format: 'esm',
      platform,
      target: 'es2022',
      outdir,
      write: false,
      metafile: true,
      logLevel: 'silent',
    }
    const result = await build(options)
    const outputs = result.metafile?.outputs ?? {}
    const entryPath = Object.keys(outputs).find((path) => outputs[path]?.entryPoint !== undefined)
    const loaded = new Set<string>()
    const visit = (path: string) => {
      if (loaded.has(path)) return
      loaded.add(path)
      for (const imported of outputs[path]?.imports ?? [])
        if (imported.kind === 'import-statement' && !imported.external) visit(imported.path)
    }
    if (entryPath) visit(entryPath)
    // Metafile paths are relative to the working directory; output files carry absolute paths.
    const wanted = new Set([...loaded].map((path) => resolve(path)))
    const files = (result.outputFiles ?? []).filter((file) => wanted.has(file.path))
    const code = Buffer.concat(files.map((file) => file.contents))
    return { platform, minifiedBytes: code.byteLength, gzipBytes: gzipSync(code, { level: 9 }).byteLength }
  } finally {
    rmSync(outdir, { recursive: true, force: true })
  }
}

/** Bundles the app with esbuild (minified, ESM, the app's platform) and measures what it loads up front. */
export async function measureBundleSize(app: OneSendApp): Promise<BundleSizeResult> {
  const directory = mkdtempSync(join(benchDirectory, '.cache-app-'))
  try {
    const entry = join(directory, 'app.mjs')
    writeFileSync(entry, bundleSource(app))
    return await measureInitialLoad(entry, app.platform)
  } finally {
    rmSync(directory, { recursive: true, force: true })
  }
}

/**
 * The Feishu webhook bot that `pnpm size` budgets (scripts/size/apps/feishu-webhook-app.mjs: verify,
 * decrypt, dedupe, reply), bundled the same way for the browser.
 */
export function measureWebhookAppSize(): Promise<BundleSizeResult> {
  return measureInitialLoad(`${benchDirectory}../scripts/size/apps/feishu-webhook-app.mjs`, 'browser')
}
