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
  const keys = sortedKeys(record)
  let out = '{'
  let first = true
  for (const key of keys) {
    const item = record[key]
    if (item === undefined) continue
    out += (first ? '' : ',') + quotedKey(key) + canonicalJson(item)
    first = false
  }
  return out + '}'
}

/**
 * The keys of `record` in UTF-16 code unit order (what `<` on strings compares). Objects here
 * have a handful of keys: an insertion sort of them is cheaper than the built-in sort's setup.
 */
function sortedKeys(record: Record<string, unknown>): string[] {
  const keys = Object.keys(record)
  for (let i = 1; i < keys.length; i++) {
    const key = keys[i] as string
    let j = i - 1
    for (; j >= 0 && (keys[j] as string) > key; j--) keys[j + 1] = keys[j] as string
    keys[j + 1] = key
  }
  return keys
}

/** `"key":` for the keys met so far: row shapes repeat, so few distinct keys are ever seen. */
const quotedKeys = new Map<string, string>()
const QUOTED_KEYS_LIMIT = 1024

function quotedKey(key: string): string {
  const known = quotedKeys.get(key)
  if (known !== undefined) return known
  const quoted = `${JSON.stringify(key)}:`
  if (quotedKeys.size >= QUOTED_KEYS_LIMIT) quotedKeys.clear()
  quotedKeys.set(key, quoted)
  return quoted
}
