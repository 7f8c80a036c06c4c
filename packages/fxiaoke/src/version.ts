/** The version of `@msg/fxiaoke`, sent in the user agent. */
export const version = '0.1.0'
