/**
 * JSON text of `value` with object keys sorted by UTF-16 code units at every depth, so that equal
 * data always serializes to the same text whoever built it and in whichever key order. Hashes and
 * digests are taken over this text (the config hash compared between agent and controller, the
 * digests an agent persists), so its exact form is part of the stored data: changing it changes
 * every stored hash.
 *
 * `undefined` is treated as `JSON.stringify` treats it: an object key whose value is `undefined`
 * is left out (an optional field that is absent and one set to `undefined` serialize alike), and
 * `undefined` as an array item is `null`; so is a lone `undefined`, where `JSON.stringify` would
 * return nothing. Meant for plain data: `toJSON` is not called, and a bigint throws.
 *
 * @example
 * canonicalJson({ b: [1, undefined], a: { y: undefined, x: null } }) // '{"a":{"x":null},"b":[1,null]}'
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${Array.from(value, (item) => canonicalJson(item)).join(',')}]`
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
  }
  return JSON.stringify(value) ?? 'null'
}
