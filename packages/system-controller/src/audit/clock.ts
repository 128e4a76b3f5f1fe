/**
 * Time as the audit sees it. A port so that unit tests drive heartbeats, misses and flushes with a
 * fake clock instead of sleeping.
 */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number
  /** Calls `fn` once after `delayMs`; the returned function cancels it (idempotent). */
  setTimer(delayMs: number, fn: () => void): () => void
  /** Resolves after `delayMs`; rejects with the signal's reason as soon as `signal` aborts. */
  sleep(delayMs: number, signal?: AbortSignal): Promise<void>
}

/** {@link Clock.sleep} built on any `setTimer`, so real and fake clocks share one abort path. */
export function sleepWith(
  setTimer: Clock['setTimer'],
  delayMs: number,
  signal: AbortSignal | undefined,
): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason as Error)
      return
    }
    const onAbort = (): void => {
      cancel()
      reject(signal?.reason as Error)
    }
    const cancel = setTimer(delayMs, () => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    })
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}

function setSystemTimer(delayMs: number, fn: () => void): () => void {
  const timer = setTimeout(fn, delayMs)
  return () => clearTimeout(timer)
}

/** The wall clock and Node timers. */
export const systemClock: Clock = {
  now: () => Date.now(),
  setTimer: setSystemTimer,
  sleep: (delayMs, signal) => sleepWith(setSystemTimer, delayMs, signal),
}
