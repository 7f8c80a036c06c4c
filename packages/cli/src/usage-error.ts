/**
 * The command line itself is wrong: an unknown vendor or flag, a missing target or credential.
 * Maps to exit code 2, like a `ValidationError`: nothing was sent.
 */
export class UsageError extends Error {
  /** Set when the help of a command should follow the message (`msg send --help`). */
  readonly helpTopic: 'main' | 'send' | undefined

  constructor(message: string, helpTopic?: 'main' | 'send') {
    super(message)
    this.name = 'UsageError'
    this.helpTopic = helpTopic
  }
}
