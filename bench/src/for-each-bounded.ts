/**
 * Runs `work` over `items` with at most `parallelism` in flight, in order of start; rejects with the
 * first failure once the calls in flight have settled.
 */
export async function forEachBounded<T>(
  items: readonly T[],
  parallelism: number,
  work: (item: T, index: number) => Promise<void>,
  signal?: AbortSignal,
): Promise<void> {
  let next = 0
  let failure: { error: unknown } | undefined
  const worker = async (): Promise<void> => {
    while (failure === undefined && next < items.length) {
      signal?.throwIfAborted()
      const index = next++
      try {
        await work(items[index] as T, index)
      } catch (error) {
        failure ??= { error }
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(parallelism, items.length) }, worker))
  if (failure !== undefined) throw failure.error
}
