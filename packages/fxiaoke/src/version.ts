/**
 * The version of `@msg/fxiaoke`, sent in the user agent.
 * @see https://www.npmjs.com/package/@msg/fxiaoke
 */
export const version = '0.1.0'
