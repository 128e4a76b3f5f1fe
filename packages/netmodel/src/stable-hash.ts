// FNV-1a 64-bit prime is 2^40 + 0x1b3; the offset basis is split into 32-bit halves.
const PRIME_LOW = 0x1b3
const OFFSET_HIGH = 0xcbf29ce4
const OFFSET_LOW = 0x84222325

/**
 * FNV-1a, 64 bits, over the UTF-16 code units of `text`, as 16 lowercase hex digits.
 * Two 32-bit halves instead of bigint: this runs over whole serialized states, and bigint
 * multiplication per character is an order of magnitude slower. The low half is multiplied in
 * 16-bit pieces so that every step stays in small integers, which V8 keeps out of floating point.
 */
export function stableHash(text: string): string {
  let hi = OFFSET_HIGH | 0
  let lo = OFFSET_LOW | 0
  for (let i = 0; i < text.length; i++) {
    lo ^= text.charCodeAt(i)
    // (hi, lo) * (2^40 + PRIME_LOW) mod 2^64: lo * 2^40 adds lo << 8 to the high half.
    const low16 = (lo & 0xffff) * PRIME_LOW
    const high16 = (lo >>> 16) * PRIME_LOW + (low16 >>> 16)
    hi = (Math.imul(hi, PRIME_LOW) + (lo << 8) + (high16 >>> 16)) | 0
    lo = (high16 << 16) | (low16 & 0xffff)
  }
  return (hi >>> 0).toString(16).padStart(8, '0') + (lo >>> 0).toString(16).padStart(8, '0')
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
