/** The version of `@msg/cli`, printed by `msg --version`. */
export const version = '0.1.0'
