/**
 * Runs named checks one after another, prints each outcome, and ends with the
 * `N passed, N failed` line CI reads.
 */
export function createStepRunner() {
  const outcomes = []
  return {
    /**
     * @param {string} name
     * @param {() => Promise<string | void> | string | void} run throws on failure; may return a detail
     */
    async step(name, run) {
      try {
        const detail = await run()
        outcomes.push({ name, ok: true })
        console.log(`  ok   ${name}${detail ? ` — ${detail}` : ''}`)
      } catch (error) {
        outcomes.push({ name, ok: false })
        const message = error instanceof Error ? error.message : String(error)
        console.log(`  FAIL ${name}\n${message.replace(/^/gm, '       ')}`)
      }
    },
    /** Prints the summary and returns the process exit code. */
    finish() {
      const failed = outcomes.filter((outcome) => !outcome.ok).length
      console.log(`\n${outcomes.length - failed} passed, ${failed} failed`)
      return failed === 0 ? 0 : 1
    },
  }
}
