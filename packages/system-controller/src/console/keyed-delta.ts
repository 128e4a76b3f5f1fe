import type { KeyedDelta } from '@dc/console'

/** What turns `before` into `after`, rows compared by value; undefined when nothing changed. */
export function keyedDelta<T>(
  before: readonly T[],
  after: readonly T[],
  keyOf: (row: T) => string,
): KeyedDelta<T> | undefined {
  const old = new Map(before.map((row) => [keyOf(row), JSON.stringify(row)]))
  const changed: T[] = []
  for (const row of after) {
    const key = keyOf(row)
    if (old.get(key) !== JSON.stringify(row)) changed.push(row)
    old.delete(key)
  }
  const removed = [...old.keys()]
  return changed.length === 0 && removed.length === 0 ? undefined : { changed, removed }
}
