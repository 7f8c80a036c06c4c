import { gzipSync } from 'node:zlib'
import { build } from 'esbuild'
import { bundleSource, type OneSendApp } from '../targets/one-send-apps.js'
import { benchDirectory } from './child-process.js'

/** Size of a minified one-send app bundle. */
export interface BundleSizeResult {
  platform: 'browser' | 'node'
  minifiedBytes: number
  gzipBytes: number
}

/** Bundles the app with esbuild (minified, ESM, the app's platform) and measures it. */
export async function measureBundleSize(app: OneSendApp): Promise<BundleSizeResult> {
  const result = await build({
    stdin: { contents: bundleSource(app), resolveDir: benchDirectory, loader: 'js', sourcefile: 'app.mjs' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: app.platform,
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  })
  const code = result.outputFiles[0]?.contents ?? new Uint8Array()
  return {
    platform: app.platform,
    minifiedBytes: code.byteLength,
    gzipBytes: gzipSync(code, { level: 9 }).byteLength,
  }
}

/**
 * The Feishu webhook bot that `pnpm size` budgets (scripts/size/apps/feishu-webhook-app.mjs: verify,
 * decrypt, dedupe, reply), bundled the same way for the browser.
 */
export async function measureWebhookAppSize(): Promise<BundleSizeResult> {
  const result = await build({
    entryPoints: [`${benchDirectory}../scripts/size/apps/feishu-webhook-app.mjs`],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  })
  const code = result.outputFiles[0]?.contents ?? new Uint8Array()
  return {
    platform: 'browser',
    minifiedBytes: code.byteLength,
    gzipBytes: gzipSync(code, { level: 9 }).byteLength,
  }
}
