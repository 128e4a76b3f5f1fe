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
  if (typeof value !== 'object' || value === null) return JSON.stringify(value) ?? 'null'
  // Plain loops and string concatenation: this runs over every state an agent hashes, and the
  // entries/filter/map/join chain allocated several arrays per object.
  if (Array.isArray(value)) {
    let out = '['
    for (let i = 0; i < value.length; i++) out += (i === 0 ? '' : ',') + canonicalJson(value[i])
    return out + ']'
  }
  const record = value as Record<string, unknown>
  // The default sort compares UTF-16 code units, as the pinned form requires.
  const keys = Object.keys(record).sort()
  let out = '{'
  let first = true
  for (const key of keys) {
    const item = record[key]
    if (item === undefined) continue
    out += (first ? '' : ',') + JSON.stringify(key) + ':' + canonicalJson(item)
    first = false
  }
  return out + '}'
}
