/** The version of `@msg/token-store-redis`. */
export const version = '0.1.0'
