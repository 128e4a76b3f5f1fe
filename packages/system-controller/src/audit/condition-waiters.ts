/**
 * Callers waiting, per key, for a condition to hold: each is checked again when its key is woken,
 * never polled. The audit uses it to tell a strategy step the moment a subcloud is in-sync.
 */
export class ConditionWaiters {
  readonly #byKey = new Map<string, Set<() => void>>()

  /**
   * Resolves once `holds()` is true: at once, or at a later {@link wake} of `key`; rejects with
   * `signal`'s reason when it aborts first.
   */
  wait(key: string, holds: () => boolean, signal: AbortSignal): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (holds()) {
        resolve()
        return
      }
      if (signal.aborted) {
        reject(signal.reason as Error)
        return
      }
      const waiters = this.#byKey.get(key) ?? new Set<() => void>()
      this.#byKey.set(key, waiters)
      const forget = (): void => {
        waiters.delete(check)
        if (waiters.size === 0) this.#byKey.delete(key)
        signal.removeEventListener('abort', onAbort)
      }
      const check = (): void => {
        if (!holds()) return
        forget()
        resolve()
      }
      const onAbort = (): void => {
        forget()
        reject(signal.reason as Error)
      }
      waiters.add(check)
      signal.addEventListener('abort', onAbort, { once: true })
    })
  }

  /** Check again every waiter of `key`. */
  wake(key: string): void {
    const waiters = this.#byKey.get(key)
    if (waiters !== undefined) for (const check of [...waiters]) check()
  }
}
