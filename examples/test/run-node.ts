import { runNode as runChild, startNode } from '@msg/core/testing'

/** Runs `node <file> …args` with only PATH plus `env`, killed after 15 s. */
export function runNode(file: string, args: string[], env: Record<string, string> = {}) {
  return runChild(file, args, { env })
}

/** Spawns `msg sandbox --json`; resolves with what it printed and a way to stop it. */
export async function startSandbox(binPath: string): Promise<{
  vendors: Record<string, { env: Record<string, string>; target: Record<string, string> }>
  stop(): Promise<void>
}> {
  const child = startNode(binPath, ['sandbox', '--json'])
  const printed = JSON.parse(await child.nextLine(15_000))
  return { ...printed, stop: async () => void (await child.stop()) }
}
