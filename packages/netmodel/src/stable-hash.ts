const TWO_32 = 0x1_0000_0000
// FNV-1a 64-bit prime is 2^40 + 0x1b3; the offset basis is split into 32-bit halves.
const PRIME_LOW = 0x1b3
const OFFSET_HIGH = 0xcbf29ce4
const OFFSET_LOW = 0x84222325

/**
 * FNV-1a, 64 bits, over the UTF-16 code units of `text`, as 16 lowercase hex digits.
 * Two 32-bit halves instead of bigint: this runs over whole serialized states, and bigint
 * multiplication per character is an order of magnitude slower.
 */
export function stableHash(text: string): string {
  let hi = OFFSET_HIGH
  let lo = OFFSET_LOW
  for (let i = 0; i < text.length; i++) {
    lo = (lo ^ text.charCodeAt(i)) >>> 0
    const loProduct = lo * PRIME_LOW
    const hiProduct = hi * PRIME_LOW + ((lo << 8) >>> 0) + Math.floor(loProduct / TWO_32)
    lo = loProduct >>> 0
    hi = hiProduct >>> 0
  }
  return hi.toString(16).padStart(8, '0') + lo.toString(16).padStart(8, '0')
}

/**
 * A uuid that looks like a v4 one but is a pure function of its inputs, so that two sites
 * applying the same commands to the same state create rows with the same uuids.
 */
export function deriveUuid(namespace: string, id: number, kind: string): string {
  const hex = stableHash(`${namespace}|${kind}|${id}`) + stableHash(`${kind}|${id}|${namespace}`)
  const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16)
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`
}

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** Whether `text` has the 8-4-4-4-12 hex shape of a uuid. */
export function isUuid(text: string): boolean {
  return UUID_PATTERN.test(text)
}
