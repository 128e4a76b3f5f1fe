/**
 * `{ [key]: value }`, or `{ [key]: check(value) }`, when `value` is given; nothing when it is
 * undefined. For the optional fields of a message or an input: an absent field stays absent rather
 * than becoming an explicit `undefined`.
 *
 * @example
 * const input = { name: request.name, ...given('location', request.location, (v) => freeText('location', v)) }
 */
export function given<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>>
export function given<K extends string, V, R>(
  key: K,
  value: V | undefined,
  check: (value: V) => R,
): Partial<Record<K, R>>
export function given<K extends string, V, R>(
  key: K,
  value: V | undefined,
  check?: (value: V) => R,
): Partial<Record<K, V | R>> {
  if (value === undefined) return {}
  return { [key]: check === undefined ? value : check(value) } as Record<K, V | R>
}
