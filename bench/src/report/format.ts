import type { Summary } from '../statistics.js'

/** A markdown table; it reads well on a terminal too. */
export function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((header, column) =>
    Math.max(header.length, ...rows.map((row) => (row[column] ?? '').length)),
  )
  const line = (cells: string[]) =>
    `| ${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ')} |`
  return [line(headers), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n')
}

/** `median (min–max)` with a fixed number of decimals. */
export function spread(summary: Summary, decimals = 0): string {
  return `${summary.median.toFixed(decimals)} (${summary.min.toFixed(decimals)}–${summary.max.toFixed(decimals)})`
}

/** A ratio with two decimals and whether it meets its goal. */
export function ratio(value: number, goal: string, met: boolean): string {
  return `${value.toFixed(2)} ${met ? 'met' : 'MISSED'} (goal ${goal})`
}

/** Bytes as kB with one decimal. */
export function kilobytes(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} kB`
}
