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

/**
 * Calls `predicate` until it returns a truthy value and resolves with that value. A predicate that
 * throws counts as "not yet"; its last error is attached to the timeout error as `cause`.
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
    try {
      const value = await predicate()
      if (value) return value
    } catch (error) {
      lastError = error
    }
    if (performance.now() >= deadline) {
      const detail = lastError instanceof Error ? `: last error: ${lastError.message}` : ''
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${message}${detail}`, { cause: lastError })
    }
    await sleep(intervalMs, undefined, signal ? { signal } : {})
  }
}
