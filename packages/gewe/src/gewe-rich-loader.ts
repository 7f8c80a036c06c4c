/**
 * Loads the client's rich half on first use without reordering sends. A rich call made before the
 * module has loaded waits for it; every call made after it (texts included) waits behind it until
 * the load settles, so the per-`appId` pacing queue still sees sends in the order they were made.
 * Once the module is in and nothing waits, calls run at once. Internal.
 * @see @msg/gewe README.md#account-safe-pacing-on-by-default
 */
export interface RichLoader<Module> {
  /** Runs `task` now, or after the calls waiting for the module before it. */
  inOrder<Result>(task: () => Promise<Result>): Promise<Result>
  /** Runs `use` with the module, loading it first if need be; rejects with the load's error if it failed. */
  withModule<Result>(use: (module: Module) => Promise<Result>): Promise<Result>
}

/**
 * Creates a loader around `load` (an `import()`), called at most once per client.
 * @see @msg/gewe README.md#account-safe-pacing-on-by-default
 */
export function createRichLoader<Module>(load: () => Promise<Module>): RichLoader<Module> {
  let module: Module | undefined
  let failure: unknown
  let loaded: Promise<void> | undefined
  // Calls queued behind the load and not yet run: while any wait, a new call queues too.
  let waiting = 0
  const later = <Result>(task: () => Promise<Result>): Promise<Result> => {
    waiting++
    return (loaded as Promise<void>).then(() => {
      waiting--
      return task()
    })
  }
  return {
    inOrder: (task) => (waiting === 0 ? task() : later(task)),
    withModule(use) {
      if (module !== undefined && waiting === 0) return use(module)
      loaded ??= load().then(
        (value) => {
          module = value
        },
        (error: unknown) => {
          failure = error
        },
      )
      return later(() => (module === undefined ? Promise.reject(failure) : use(module)))
    },
  }
}
