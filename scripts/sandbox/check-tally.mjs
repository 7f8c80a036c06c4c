// One way for the smoke scripts to run a named check: print `ok`/`FAIL` with its detail or error,
// and count both, so every runtime leg reports and exits the same way.

/**
 * A tally that prints through `log`. `check(name, run)` never throws; `fail(name, error)` counts a
 * failure found outside a check; `passed`/`failed` read the counts.
 * @param {(line: string) => void} [log]
 */
export function createCheckTally(log = (line) => console.log(line)) {
  let passed = 0
  let failed = 0
  const fail = (name, error) => {
    failed += 1
    log(`  FAIL ${name}: ${error instanceof Error ? error.message : String(error)}`)
  }
  return {
    /** @param {string} name @param {() => Promise<string | undefined | void>} run */
    async check(name, run) {
      try {
        const detail = await run()
        passed += 1
        log(`  ok   ${name}${detail ? ` (${detail})` : ''}`)
      } catch (error) {
        fail(name, error)
      }
    },
    fail,
    get passed() {
      return passed
    },
    get failed() {
      return failed
    },
  }
}
