import * as v from 'valibot'
import type { Vendor } from '../errors/msg-error.js'
import { ValidationError, type ValidationIssue } from '../errors/validation-error.js'

/** Renders a valibot issue path as `field.child[2]`. */
function issuePath(issue: v.BaseIssue<unknown>): string {
  let path = ''
  for (const item of issue.path ?? []) {
    const key = (item as { key: unknown }).key
    if (typeof key === 'number') path += `[${key}]`
    else path += path === '' ? String(key) : `.${String(key)}`
  }
  return path === '' ? '(input)' : path
}

/**
 * The {@link ValidationError} for input rejected before any request: its message reads
 * `<operation>: invalid input, nothing was sent: <path>: <rule>; …` and `issues` lists each broken rule.
 * @see @msg/core README.md#errors
 */
export function invalidInput(
  context: { vendor: Vendor; operation: string },
  issues: ValidationIssue[],
): ValidationError {
  const summary = issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')
  return new ValidationError({
    vendor: context.vendor,
    message: `${context.operation}: invalid input, nothing was sent: ${summary}`,
    issues,
  })
}

/**
 * Runs a valibot schema over input and returns the parsed output, or throws a
 * {@link ValidationError} listing every issue before any request is made.
 * @see https://valibot.dev/guides/parse-data/
 */
export function validateInput<const Schema extends v.GenericSchema>(
  schema: Schema,
  input: unknown,
  context: { vendor: Vendor; operation: string },
): v.InferOutput<Schema> {
  const result = v.safeParse(schema, input)
  if (result.success) return result.output
  throw invalidInput(
    context,
    result.issues.map((issue) => ({ path: issuePath(issue), message: issue.message })),
  )
}
