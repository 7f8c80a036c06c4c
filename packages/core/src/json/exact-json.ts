const longDigitRun = /\d{16}/
const unsafeIntegerToken = /^-?[1-9]\d{15,}$/

/**
 * Parses JSON like `JSON.parse`, except that integers beyond `Number.MAX_SAFE_INTEGER`
 * (in either sign, up to any length) come out as exact decimal strings.
 *
 * Documents without a run of 16 digits go straight to the platform's `JSON.parse`. Others get
 * their unsafe integer tokens (outside strings) quoted first, then `JSON.parse`: the scan only
 * knows strings and number tokens, so it never turns invalid JSON into valid JSON.
 * @see @msg/core README.md#exact-ids
 */
export function parseExactJson(text: string): unknown {
  if (!longDigitRun.test(text)) return JSON.parse(text)
  return JSON.parse(quoteUnsafeIntegers(text))
}

function isNumberCharacter(code: number): boolean {
  // 0-9 . + - e E
  return (
    (code >= 48 && code <= 57) || code === 46 || code === 43 || code === 45 || code === 101 || code === 69
  )
}

function quoteUnsafeIntegers(text: string): string {
  let result = ''
  let copiedUpTo = 0
  let index = 0
  while (index < text.length) {
    const code = text.charCodeAt(index)
    if (code === 34) {
      index++
      while (index < text.length && text.charCodeAt(index) !== 34)
        index += text.charCodeAt(index) === 92 ? 2 : 1
      index++
    } else if (code === 45 || (code >= 48 && code <= 57)) {
      let end = index + 1
      while (end < text.length && isNumberCharacter(text.charCodeAt(end))) end++
      const token = text.slice(index, end)
      if (unsafeIntegerToken.test(token) && !Number.isSafeInteger(Number(token))) {
        result += `${text.slice(copiedUpTo, index)}"${token}"`
        copiedUpTo = end
      }
      index = end
    } else {
      index++
    }
  }
  return result + text.slice(copiedUpTo)
}
