import { hasErrorKind, MsgError, type MsgErrorOptions, tagErrorKind } from './msg-error.js'

/** One rule an input broke: `path` is the dotted field path (`toUser[3]`, `message.text`). */
export interface ValidationIssue {
  path: string
  message: string
}

/** Options for {@link ValidationError}. */
export interface ValidationErrorOptions extends Omit<MsgErrorOptions, 'delivery'> {
  issues: ValidationIssue[]
}

/**
 * Input rejected before any request was made: nothing was sent (`delivery: 'not-sent'`).
 * @see @msg/core README.md#errors
 */
export class ValidationError extends MsgError {
  /** Every broken rule, each naming its field. */
  readonly issues: ValidationIssue[]

  constructor(options: ValidationErrorOptions) {
    super({ ...options, delivery: 'not-sent' })
    this.issues = options.issues
    tagErrorKind(this, 'ValidationError')
  }

  static override isInstance(value: unknown): value is ValidationError {
    return hasErrorKind(value, 'ValidationError')
  }
}
