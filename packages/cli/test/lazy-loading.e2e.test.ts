import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { binPath } from './run-msg.js'

/** Prints `resolved <specifier>` for msw, BullMQ and every `./testing` subpath the process resolves. */
const resolveHook = `export async function resolve(specifier, context, next) {
  if (specifier === 'msw' || specifier === 'bullmq' || specifier.endsWith('/testing')) process.stderr.write('resolved ' + specifier + '\\n')
  return next(specifier, context)
}`
const register = `import { register } from 'node:module'
register('data:text/javascript,' + encodeURIComponent(${JSON.stringify(resolveHook)}))`

function resolvedBy(args: string[]): string[] {
  const run = spawnSync(
    process.execPath,
    ['--import', `data:text/javascript,${encodeURIComponent(register)}`, binPath, ...args],
    { encoding: 'utf8', env: { PATH: process.env.PATH ?? '' }, timeout: 15_000 },
  )
  return [...new Set(run.stderr.split('\n').filter((line) => line.startsWith('resolved ')))]
}

describe('msg loads the testing kits only for the sandbox, BullMQ only for the outbox', () => {
  it('msg send without --sandbox resolves neither msw, BullMQ nor a ./testing module', () => {
    const args = ['send', 'feishu', '--chat-id', 'oc_x', '--text', 'hi', '--base-url', 'http://127.0.0.1:9']
    expect(resolvedBy(args)).toEqual([])
  })

  it('msg send --sandbox does (the fakes live there)', () => {
    expect(resolvedBy(['send', 'feishu', '--sandbox', '--chat-id', 'oc_x', '--text', 'hi'])).toContain(
      'resolved msw',
    )
  })

  it('msg outbox does load BullMQ', () => {
    expect(resolvedBy(['outbox', 'status', '--redis', 'redis://127.0.0.1:9'])).toContain('resolved bullmq')
  })
})
