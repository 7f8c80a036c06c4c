import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { runNode, startNode } from './node-process.js'

let echo: string
let hang: string

beforeAll(async () => {
  const folder = await mkdtemp(join(tmpdir(), 'msg-node-process-'))
  echo = join(folder, 'echo.mjs')
  hang = join(folder, 'hang.mjs')
  await writeFile(
    echo,
    `import { createInterface } from 'node:readline'
console.log('ready', process.env.GREETING ?? '-', process.env.HOME === undefined ? 'no-home' : 'home')
for await (const line of createInterface({ input: process.stdin })) {
  if (line === 'exit') process.exit(3)
  console.log('echo ' + line)
  console.error('err ' + line)
}`,
  )
  await writeFile(hang, 'setInterval(() => {}, 1000)')
})

describe('runNode', () => {
  it('runs to the end with stdin and only PATH plus env', async () => {
    const run = await runNode(echo, [], { env: { GREETING: 'hi' }, stdin: 'one\ntwo\n' })
    expect(run).toMatchObject({
      code: 0,
      stdout: 'ready hi no-home\necho one\necho two\n',
      stderr: 'err one\nerr two\n',
    })
  })

  it('kills a child that outlives its limit', async () => {
    const run = await runNode(hang, [], { limitMs: 200 })
    expect(run).toMatchObject({ code: null, signal: 'SIGKILL' })
  })
})

describe('startNode', () => {
  it('talks line by line and reports how the child exited', async () => {
    const child = startNode(echo, [], { inheritEnv: true })
    expect(await child.nextLine()).toBe('ready - home')
    child.writeLine('x')
    expect(await child.nextLine()).toBe('echo x')
    child.writeLine('exit')
    expect(await child.stop(null)).toEqual({ code: 3, signal: null })
    expect(child.stderr()).toBe('err x\n')
    await expect(child.nextLine()).rejects.toThrow('exited')
  })

  it('stops with a signal, and a silent child times out a line read', async () => {
    const child = startNode(hang, [])
    await expect(child.nextLine(100)).rejects.toThrow('no line within 100 ms')
    expect(await child.stop('SIGKILL')).toEqual({ code: null, signal: 'SIGKILL' })
  })
})
