/** Median, minimum and maximum of repeated measurements. */
export interface Summary {
  median: number
  min: number
  max: number
  samples: number[]
}

/** Summarises the repetitions of one measurement. */
export function summarize(samples: number[]): Summary {
  const sorted = [...samples].sort((left, right) => left - right)
  const middle = Math.floor(sorted.length / 2)
  const median =
    sorted.length === 0
      ? Number.NaN
      : sorted.length % 2 === 1
        ? (sorted[middle] as number)
        : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2
  return { median, min: sorted[0] ?? Number.NaN, max: sorted.at(-1) ?? Number.NaN, samples }
}

/** Median of a list of numbers. */
export function median(values: number[]): number {
  return summarize(values).median
}
