import { readFileSync } from 'node:fs'
import { cpus, loadavg, totalmem } from 'node:os'
import { benchDirectory } from '../measure/child-process.js'

function versionAt(path: string): string {
  try {
    return (JSON.parse(readFileSync(`${benchDirectory}${path}`, 'utf8')) as { version: string }).version
  } catch {
    return 'not installed'
  }
}

/** Machine and versions, for the report header. */
export function describeMachine(): string[] {
  const processors = cpus()
  return [
    `- Machine: ${processors.length} × ${processors[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 1024 ** 3).toFixed(1)} GB RAM, load average at the end ${loadavg()
      .map((value) => value.toFixed(2))
      .join(' / ')} (shared with other work: figures are noisy, ratios measured in alternating blocks)`,
    `- Node ${process.version} (${process.platform} ${process.arch})`,
    `- @msg/core ${versionAt('../packages/core/package.json')}, valibot ${versionAt('../packages/core/node_modules/valibot/package.json')}`,
    ...['feishu', 'gewe', 'fxiaoke', 'netease-im']
      .map((vendor) => [vendor, versionAt(`../packages/${vendor}/package.json`)] as const)
      .filter(([, version]) => version !== 'not installed')
      .map(([vendor, version]) => `- @msg/${vendor} ${version}`),
    `- @larksuiteoapi/node-sdk ${versionAt('node_modules/@larksuiteoapi/node-sdk/package.json')}, esbuild ${versionAt('node_modules/esbuild/package.json')}`,
  ]
}
