import { setTimeout as sleep } from 'node:timers/promises'

export interface WaitForOptions {
  /** Give up after this long. @default 30000 (a busy 2-core machine can be slow; be generous) */
  timeoutMs?: number
  /** Pause between attempts. @default 100 */
  intervalMs?: number
  /** What was awaited; it opens the timeout error. @default 'condition' */
  message?: string
  signal?: AbortSignal
}

type Attempt<T> = { type: 'value'; value: T } | { type: 'error'; error: unknown } | { type: 'running' }

/** One call of `predicate`, or 'running' if it has not settled by `deadline`. */
function attempt<T>(predicate: () => T | Promise<T>, deadline: number): Promise<Attempt<T>> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve({ type: 'running' }), Math.max(0, deadline - performance.now()))
    Promise.resolve()
      .then(predicate)
      .then(
        (value) => resolve({ type: 'value', value }),
        (error: unknown) => resolve({ type: 'error', error }),
      )
      .finally(() => clearTimeout(timer))
  })
}

/**
 * Calls `predicate` until it returns a truthy value and resolves with that value. A predicate that
 * throws counts as "not yet"; its last error is attached to the timeout error as `cause`. The
 * deadline also bounds a predicate that never settles (a call without a deadline of its own).
 *
 * @example
 * const row = await waitFor(async () => (await db.query('select 1')).rows[0], { message: 'db up' })
 */
export async function waitFor<T>(
  predicate: () => T | Promise<T>,
  options: WaitForOptions = {},
): Promise<NonNullable<T>> {
  const { timeoutMs = 30_000, intervalMs = 100, message = 'condition', signal } = options
  const deadline = performance.now() + timeoutMs
  let lastError: unknown
  for (;;) {
    signal?.throwIfAborted()
    const outcome = await attempt(predicate, deadline)
    if (outcome.type === 'value' && outcome.value) return outcome.value
    if (outcome.type === 'error') lastError = outcome.error
    if (outcome.type === 'running' || performance.now() >= deadline) {
      const detail =
        outcome.type === 'running'
          ? ': the last check was still running'
          : lastError instanceof Error
            ? `: last error: ${lastError.message}`
            : ''
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${message}${detail}`, { cause: lastError })
    }
    await sleep(intervalMs, undefined, signal ? { signal } : {})
  }
}
