import ipaddr from 'ipaddr.js'
import { AddressSyntaxError } from './address-syntax-error.js'

/** An IP address family, spelled as StarlingX prints `primary_pool_family`. */
export type Family = 'IPv4' | 'IPv6'

export const FAMILIES: readonly Family[] = ['IPv4', 'IPv6']

const BITS: Record<Family, number> = { IPv4: 32, IPv6: 128 }

/** Number of bits in an address of `family`. */
export function familyBits(family: Family): number {
  return BITS[family]
}

/**
 * One IP address as a family plus an unsigned integer, so that ranges and subnets are plain
 * integer arithmetic. Text is produced canonically: dotted quad, or RFC 5952 for IPv6.
 */
export class IpAddress {
  readonly family: Family
  readonly value: bigint

  constructor(family: Family, value: bigint) {
    if (value < 0n || value >= 1n << BigInt(BITS[family])) {
      throw new AddressSyntaxError(String(value), `value out of range for ${family}`)
    }
    this.family = family
    this.value = value
  }

  /** Canonical text: `10.0.0.1`, `fd00::1` (RFC 5952). */
  toString(): string {
    if (this.family === 'IPv4') {
      const v = Number(this.value)
      return [v >>> 24, (v >>> 16) & 255, (v >>> 8) & 255, v & 255].join('.')
    }
    const parts: number[] = []
    for (let i = 7; i >= 0; i--) parts.push(Number((this.value >> BigInt(i * 16)) & 0xffffn))
    return new ipaddr.IPv6(parts).toRFC5952String()
  }

  equals(other: IpAddress): boolean {
    return this.family === other.family && this.value === other.value
  }

  /** The address `delta` positions further on (negative goes back). Throws past the family's end. */
  offset(delta: bigint | number): IpAddress {
    return new IpAddress(this.family, this.value + BigInt(delta))
  }

  isMulticast(): boolean {
    return this.family === 'IPv4' ? this.value >> 28n === 0xen : this.value >> 120n === 0xffn
  }

  /** 127.0.0.0/8 or ::1: an address that never leaves the machine. */
  isLoopback(): boolean {
    return this.family === 'IPv4' ? this.value >> 24n === 127n : this.value === 1n
  }
}

function bytesToBigint(bytes: number[]): bigint {
  let v = 0n
  for (const b of bytes) v = (v << 8n) | BigInt(b)
  return v
}

/**
 * Strict IPv4 parse: four decimal parts, no leading zeros, no shorthand (`10.1`, `0x0a.0.0.1`
 * and `010.0.0.1` are ambiguous across parsers and are refused).
 */
export function parseIpv4(text: string): IpAddress {
  if (!ipaddr.IPv4.isValidFourPartDecimal(text)) {
    throw new AddressSyntaxError(text, 'not a dotted-quad IPv4 address')
  }
  return new IpAddress('IPv4', bytesToBigint(ipaddr.IPv4.parse(text).toByteArray()))
}

/**
 * Strict IPv6 parse. Zone identifiers and IPv4-mapped forms are refused: a platform address
 * must say which family it is, and `::ffff:a.b.c.d` says both.
 */
export function parseIpv6(text: string): IpAddress {
  if (text.includes('%') || !ipaddr.IPv6.isValid(text)) {
    throw new AddressSyntaxError(text, 'not an IPv6 address')
  }
  const parsed = ipaddr.IPv6.parse(text)
  if (parsed.isIPv4MappedAddress()) {
    throw new AddressSyntaxError(text, 'IPv4-mapped IPv6 addresses are ambiguous; use the IPv4 form')
  }
  return new IpAddress('IPv6', bytesToBigint(parsed.toByteArray()))
}

/**
 * Addresses already parsed, by their text. Rules parse the same pool rows again for every
 * command of a change, and ipaddr.js validates with regular expressions; an address is immutable,
 * so handing out the same one is as good as a new parse. Emptied when full, to bound memory.
 */
const parsedIps = new Map<string, IpAddress>()
const PARSED_IPS_LIMIT = 4096

/** Parse an address of either family; the presence of `:` decides which parser runs. */
export function parseIp(text: string): IpAddress {
  const known = parsedIps.get(text)
  if (known !== undefined) return known
  const t = text.trim()
  const ip = t.includes(':') ? parseIpv6(t) : parseIpv4(t)
  if (parsedIps.size >= PARSED_IPS_LIMIT) parsedIps.clear()
  parsedIps.set(text, ip)
  return ip
}

/** Like {@link parseIp} but returns `undefined` instead of throwing. */
export function tryParseIp(text: string): IpAddress | undefined {
  try {
    return parseIp(text)
  } catch {
    return undefined
  }
}

/** The family of an address or CIDR text, or `undefined` if it parses as neither. */
export function familyOf(text: string): Family | undefined {
  const t = text.trim()
  const host = t.includes('/') ? t.slice(0, t.indexOf('/')) : t
  return tryParseIp(host)?.family
}

/** Canonical text of an address; throws {@link AddressSyntaxError} on bad input. */
export function canonicalIp(text: string): string {
  return parseIp(text).toString()
}

/** Whether `ip` lies in the inclusive span `first`..`last`, whose ends share a family. */
function spanContains(first: IpAddress, last: IpAddress, ip: IpAddress): boolean {
  return ip.family === first.family && ip.value >= first.value && ip.value <= last.value
}

/** Whether two inclusive spans (a subnet, a range) share an address; spans of two families never do. */
function spansOverlap(aFirst: IpAddress, aLast: IpAddress, bFirst: IpAddress, bLast: IpAddress): boolean {
  return aFirst.family === bFirst.family && bFirst.value <= aLast.value && aFirst.value <= bLast.value
}

/** A subnet: network address plus prefix length. Host bits are always zero. */
export class Cidr {
  readonly network: IpAddress
  readonly prefix: number

  constructor(network: IpAddress, prefix: number) {
    const bits = BITS[network.family]
    if (!Number.isInteger(prefix) || prefix < 0 || prefix > bits) {
      throw new AddressSyntaxError(`${network.toString()}/${prefix}`, `prefix must be 0..${bits}`)
    }
    if ((network.value & ((1n << BigInt(bits - prefix)) - 1n)) !== 0n) {
      throw new AddressSyntaxError(`${network.toString()}/${prefix}`, 'host bits are set')
    }
    this.network = network
    this.prefix = prefix
  }

  get family(): Family {
    return this.network.family
  }

  /** Number of addresses in the subnet. */
  get size(): bigint {
    return 1n << BigInt(BITS[this.family] - this.prefix)
  }

  get first(): IpAddress {
    return this.network
  }

  get last(): IpAddress {
    return this.network.offset(this.size - 1n)
  }

  /**
   * Python-style indexing as ansible's `ipaddr` filters use: `at(1)`, `at(-2)`. Like Python, an
   * index outside the subnet is a RangeError, not an address of the neighbouring subnet.
   */
  at(index: number | bigint): IpAddress {
    const i = BigInt(index)
    if (i >= this.size || i < -this.size) {
      throw new RangeError(`index ${i} is outside ${this.toString()} (${this.size} addresses)`)
    }
    return this.network.offset(i >= 0n ? i : this.size + i)
  }

  contains(ip: IpAddress): boolean {
    return spanContains(this.network, this.last, ip)
  }

  overlaps(other: Cidr): boolean {
    return spansOverlap(this.network, this.last, other.network, other.last)
  }

  /** IPv4 broadcast address; IPv6 has none. */
  broadcast(): IpAddress | undefined {
    return this.family === 'IPv4' ? this.last : undefined
  }

  toString(): string {
    return `${this.network.toString()}/${this.prefix}`
  }
}

/** Parse `net/prefix` strictly: host bits must be zero. */
export function parseCidr(text: string): Cidr {
  const t = text.trim()
  const slash = t.indexOf('/')
  if (slash < 0) throw new AddressSyntaxError(t, 'expected <network>/<prefix>')
  const prefixText = t.slice(slash + 1)
  // no leading zeros, as in the address parts: one text per subnet keeps canonical text unique
  if (!/^(0|[1-9]\d{0,2})$/.test(prefixText))
    throw new AddressSyntaxError(t, 'prefix must be a decimal number')
  return new Cidr(parseIp(t.slice(0, slash)), Number(prefixText))
}

/** Build a subnet from a network address text and a prefix length (the `addrpool-add` form). */
export function cidrOf(network: string, prefix: number): Cidr {
  return new Cidr(parseIp(network), prefix)
}

/** An inclusive address range `start-end` of one family. */
export class IpRange {
  readonly start: IpAddress
  readonly end: IpAddress

  constructor(start: IpAddress, end: IpAddress) {
    if (start.family !== end.family) {
      throw new AddressSyntaxError(`${start.toString()}-${end.toString()}`, 'start and end differ in family')
    }
    this.start = start
    this.end = end
  }

  get family(): Family {
    return this.start.family
  }

  get size(): bigint {
    return this.end.value >= this.start.value ? this.end.value - this.start.value + 1n : 0n
  }

  contains(ip: IpAddress): boolean {
    return spanContains(this.start, this.end, ip)
  }

  overlaps(other: IpRange): boolean {
    return spansOverlap(this.start, this.end, other.start, other.end)
  }

  toString(): string {
    return `${this.start.toString()}-${this.end.toString()}`
  }
}

/** Parse `start-end`. The dash cannot be confused with IPv6 text, which has none. */
export function parseRange(text: string): IpRange {
  const parts = text.trim().split('-')
  if (parts.length !== 2) throw new AddressSyntaxError(text, 'expected <start>-<end>')
  return new IpRange(parseIp(parts[0] ?? ''), parseIp(parts[1] ?? ''))
}

/** `host:port` with IPv6 literals bracketed: `[fd00::2]:50051`, `10.0.0.2:50051`. */
export function formatHostPort(host: string, port: number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`
}

/** A parsed `host:port`, host canonical. */
export interface HostPort {
  readonly host: IpAddress
  readonly port: number
}

/**
 * Parse `ADDR`, `ADDR:PORT` (IPv4) or `[ADDR]:PORT` / `[ADDR]` / bare IPv6. A bare IPv6 literal
 * with no brackets never takes a port, because `fd00::2:50051` is itself a valid address.
 */
export function parseHostPort(text: string, defaultPort?: number): HostPort {
  const t = text.trim()
  let hostText: string
  let portText: string | undefined
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(t)
  if (bracketed) {
    hostText = bracketed[1] ?? ''
    portText = bracketed[2]
    parseIpv6(hostText)
  } else if (t.includes(':') && t.indexOf(':') !== t.lastIndexOf(':')) {
    hostText = t
  } else {
    const [h, p] = t.split(':')
    hostText = h ?? ''
    portText = p
  }
  const host = parseIp(hostText)
  if (portText === undefined) {
    if (defaultPort === undefined) throw new AddressSyntaxError(t, 'a port is required')
    return { host, port: defaultPort }
  }
  const port = Number(portText)
  if (!/^\d{1,5}$/.test(portText) || port < 1 || port > 65535) {
    throw new AddressSyntaxError(t, 'port must be 1..65535')
  }
  return { host, port }
}
