import { describe, expect, it } from 'vitest'
import { UsageError } from '../usage-error.js'
import { parseSendArguments } from './parse-send-arguments.js'

describe('parseSendArguments', () => {
  it('reads the vendor, its flags and the common flags', () => {
    const parsed = parseSendArguments([
      'fxiaoke',
      '--to-user',
      'a,b',
      '--to-user',
      'c',
      '--text',
      'hi',
      '--timeout',
      '200',
      '--json',
      '--base-url',
      'http://127.0.0.1:1',
    ])
    expect(parsed).toMatchObject({
      text: 'hi',
      timeout: 200,
      json: true,
      verbose: false,
      sandbox: false,
      baseURL: 'http://127.0.0.1:1',
      values: { 'to-user': ['a,b', 'c'] },
    })
    expect(parsed !== 'help' && parsed.spec.vendor).toBe('fxiaoke')
  })

  it('accepts "-" as the text (standard input)', () => {
    const parsed = parseSendArguments(['gewe', '--text', '-'])
    expect(parsed !== 'help' && parsed.text).toBe('-')
  })

  it('returns help for no vendor or --help', () => {
    expect(parseSendArguments([])).toBe('help')
    expect(parseSendArguments(['--help'])).toBe('help')
    expect(parseSendArguments(['feishu', '-h'])).toBe('help')
  })

  it.each([
    [['slack', '--text', 'x'], /unknown vendor "slack"/],
    [['feishu', '--chat-id', 'oc_1'], /missing --text/],
    [['feishu', '--text', 'x', '--to-wxid', 'w'], /Unknown option '--to-wxid'/],
    [['feishu', '--text', 'x', '--timeout', '0'], /--timeout must be a whole number/],
    [['feishu', '--text', 'x', '--timeout', 'soon'], /--timeout must be a whole number/],
    [['feishu', 'stray', '--text', 'x'], /Unexpected argument 'stray'/],
  ])('rejects %j as a usage error', (args, message) => {
    expect(() => parseSendArguments(args)).toThrow(UsageError)
    expect(() => parseSendArguments(args)).toThrow(message)
  })
})
