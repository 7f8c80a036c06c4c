import { runNode as runChild, startNode } from '@msg/core/testing'

/** Runs `node <file> …args` with only PATH plus `env`, killed after 15 s. */
export function runNode(file: string, args: string[], env: Record<string, string> = {}) {
  return runChild(file, args, { env })
}

/** Spawns `msg sandbox --json`; resolves with what it printed and a way to stop it. */
export async function startSandbox(binPath: string): Promise<{
  url: string
  vendors: Record<
    string,
    { env: Record<string, string>; target: Record<string, string>; webhookEnv: Record<string, string> }
  >
  /** What each fake accepted so far (`GET /_sandbox`). */
  inbox(vendor: string): Promise<Array<Record<string, unknown>>>
  stop(): Promise<void>
}> {
  const child = startNode(binPath, ['sandbox', '--json'])
  const printed = JSON.parse(await child.nextLine(15_000))
  return {
    ...printed,
    inbox: async (vendor: string) =>
      ((await (await fetch(`${printed.url}/_sandbox`)).json()) as Record<string, { inbox: never }>)[vendor]!
        .inbox,
    stop: async () => void (await child.stop()),
  }
}

/**
 * The variables the examples read for real credentials and targets, pointing at the sandbox's fakes.
 */
export function sandboxEnv(sandbox: Awaited<ReturnType<typeof startSandbox>>): Record<string, string> {
  const { gewe, feishu, fxiaoke } = sandbox.vendors
  const netease = sandbox.vendors['netease-im']!
  return {
    ...gewe!.env,
    ...feishu!.env,
    ...fxiaoke!.env,
    ...netease.env,
    GEWE_APP_ID: gewe!.target['app-id']!,
    GEWE_TO_WXID: gewe!.target['to-wxid']!,
    FEISHU_CHAT_ID: feishu!.target['chat-id']!,
    FXIAOKE_TO_USER: fxiaoke!.target['to-user']!,
    NETEASE_IM_FROM: netease.target.from!,
    NETEASE_IM_TO: netease.target.to!,
  }
}
