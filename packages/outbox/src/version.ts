/** The version of `@msg/outbox`. */
export const version = '0.1.0'
