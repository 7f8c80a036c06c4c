/**
 * A short announcement with an optional title and link, which each vendor renders in its own best
 * native form (a rich post, a link message, a composite message, or plain text).
 * @see @msg/core README.md#channels
 */
export interface Notice {
  title?: string
  text: string
  url?: string
}
