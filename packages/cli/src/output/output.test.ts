import { AuthError, ValidationError } from '@msg/core'
import { describe, expect, it } from 'vitest'
import { exitCodes } from '../exit-codes.js'
import { failureJson, formatFailureLines } from './format-failure.js'
import { formatSentLine, sentJson } from './format-sent.js'
import { createSecretScrubber } from './secret-scrubber.js'
import { verboseHooks } from './verbose-hooks.js'

describe('output', () => {
  it('prints one line with vendor, message id and request id', () => {
    const message = { vendor: 'gewe' as const, messageId: '9007199254740993', requestId: 'r-1', raw: {} }
    expect(formatSentLine(message)).toBe('sent via gewe  message id 9007199254740993  request id r-1')
    expect(formatSentLine({ vendor: 'fxiaoke', requestId: 'E-O.1', raw: {} })).toBe(
      'sent via fxiaoke  request id E-O.1  (fxiaoke returns no message id)',
    )
    expect(sentJson(message)).toEqual({
      ok: true,
      vendor: 'gewe',
      messageId: '9007199254740993',
      requestId: 'r-1',
      raw: {},
    })
  })

  it('lists validation issues and the exit code', () => {
    const error = new ValidationError({
      vendor: 'fxiaoke',
      message: 'sendText: invalid input',
      issues: [{ path: 'text.content', message: 'must not be empty' }],
    })
    const lines = formatFailureLines(error, exitCodes.badInput, createSecretScrubber())
    expect(lines).toContain('  - text.content: must not be empty')
    expect(lines.at(-1)).toBe('exit 2: bad input, nothing was sent')
  })

  it('never prints a known secret, in lines, JSON or verbose events', () => {
    const scrubber = createSecretScrubber()
    scrubber.add('s3cr3t-value', undefined, '')
    const error = new AuthError({
      vendor: 'feishu',
      message: 'token s3cr3t-value rejected',
      code: 99991663,
      status: 200,
      requestId: 'log-1',
    })
    const lines = formatFailureLines(error, exitCodes.refused, scrubber).join('\n')
    expect(lines).toContain('vendor code 99991663, request id log-1')
    expect(lines).not.toContain('s3cr3t-value')
    expect(JSON.stringify(failureJson(error, exitCodes.refused, scrubber))).not.toContain('s3cr3t-value')
    const written: string[] = []
    const hooks = verboseHooks((line) => written.push(line), scrubber)
    hooks.request?.({
      vendor: 'feishu',
      operation: 'auth',
      method: 'POST',
      url: 'http://127.0.0.1/x?token=s3cr3t-value',
      attempt: 0,
      headers: { authorization: 'Bearer abcdef' },
      body: { app_secret: 'other', note: 'has s3cr3t-value inside' },
    })
    expect(written).toHaveLength(1)
    expect(written[0]).toContain('[redacted]')
    for (const secret of ['s3cr3t-value', 'abcdef', 'other']) expect(written[0]).not.toContain(secret)
  })
})
