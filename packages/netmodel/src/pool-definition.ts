import type { Family, IpAddress } from './address.js'
import { Cidr, IpRange, familyBits, parseIp } from './address.js'
import type { AddressField } from './address-allocation.js'
import { ADDRESS_FIELDS, ADDRESS_FIELD_NAMES } from './address-allocation.js'
import { AddressSyntaxError } from './address-syntax-error.js'
import {
  AddressFamilyMismatchError,
  AddressIsBroadcastError,
  AddressIsNetworkError,
  AddressNotInRangeError,
  AddressNotInSubnetError,
  DuplicateAddressError,
  HostBitsSetError,
  InvalidOrderError,
  InvalidPoolNameError,
  InvalidPrefixError,
  InvalidSubnetSizeError,
  NullNetworkError,
  PoolFamilyChangeError,
  RangeFamilyMismatchError,
  RangeIncludesBroadcastError,
  RangeIncludesNetworkError,
  RangeOrderError,
  RangeOutsideSubnetError,
  RangeOverlapError,
} from './pool-errors.js'
import type { AddressPool, AllocationOrder } from './system-state.js'

/** A pool's configuration, parsed: what §2.1 validates on create and §2.2 again on modify. */
export interface PoolDefinition {
  readonly name: string
  readonly cidr: Cidr
  readonly order: AllocationOrder
  /** sorted by start address */
  readonly ranges: readonly IpRange[]
  readonly addresses: Readonly<Record<AddressField, IpAddress | null>>
}

/** Parses an address, naming the command field in the error. */
export function parseAddressOf(text: string, field: string): IpAddress {
  try {
    return parseIp(text)
  } catch (e) {
    if (e instanceof AddressSyntaxError) throw new AddressSyntaxError(e.input, e.reason, field, { cause: e })
    throw e
  }
}

const CLEAR_WORDS = /^(none|null|nothing|empty|undefined|unspecified)?$/i

/** sysinv clears an address field given any of these words (or nothing) instead of an address. */
export function isClearWord(text: string): boolean {
  return CLEAR_WORDS.test(text.trim())
}

export function checkPoolName(name: string): string {
  const trimmed = name.trim()
  if (trimmed === '') throw new InvalidPoolNameError()
  return trimmed
}

export function parseOrder(order: string | undefined): AllocationOrder {
  if (order === undefined) return 'random'
  if (order !== 'random' && order !== 'sequential') throw new InvalidOrderError(order)
  return order
}

/**
 * The subnet `network/prefix`, with the §2.1 syntax and size rules. On modify, `family` is the
 * pool's family, which may not change.
 */
export function parseSubnet(network: string, prefix: number, family?: Family): Cidr {
  const ip = parseAddressOf(network, 'network')
  const text = ip.toString()
  if (family !== undefined && ip.family !== family) {
    throw new PoolFamilyChangeError(ip.family, `${text}/${prefix}`, family)
  }
  const bits = familyBits(ip.family)
  if (prefix < 1) throw new InvalidPrefixError(text, prefix, 'too-small')
  if (prefix > bits) throw new InvalidPrefixError(text, prefix, 'too-large')
  if (ip.value === 0n) throw new NullNetworkError(text)
  if ((ip.value & ((1n << BigInt(bits - prefix)) - 1n)) !== 0n) throw new HostBitsSetError(text, prefix)
  const cidr = new Cidr(ip, prefix)
  if (cidr.size < 4n) throw new InvalidSubnetSizeError(cidr.size, cidr.toString(), ip.family)
  return cidr
}

/**
 * The ranges, sorted by start. Without any, sysinv's default `[subnet[1], subnet[-2]]` (for
 * IPv6 too); on create the address checks then skip the range test, as sysinv's do.
 */
export function parseRanges(
  pairs: readonly (readonly [string, string])[] | undefined,
  cidr: Cidr,
): IpRange[] {
  if (pairs === undefined || pairs.length === 0) return [new IpRange(cidr.at(1), cidr.at(-2))]
  const ranges = pairs.map(([startText, endText]) => {
    const start = parseAddressOf(startText, 'ranges')
    const end = parseAddressOf(endText, 'ranges')
    if (start.family !== cidr.family || end.family !== cidr.family) {
      throw new RangeFamilyMismatchError(`${startText}-${endText}`, cidr.toString())
    }
    return new IpRange(start, end)
  })
  return ranges.sort((a, b) => (a.start.value < b.start.value ? -1 : a.start.value > b.start.value ? 1 : 0))
}

/** §2.1 range rules, over ranges sorted by start. */
export function checkRanges(cidr: Cidr, ranges: readonly IpRange[]): void {
  const broadcast = cidr.broadcast()
  let coveredUpTo: bigint | undefined
  for (const range of ranges) {
    const text = range.toString()
    if (!cidr.contains(range.start))
      throw new RangeOutsideSubnetError('start', range.start.toString(), cidr.toString())
    if (!cidr.contains(range.end))
      throw new RangeOutsideSubnetError('end', range.end.toString(), cidr.toString())
    if (range.start.value > range.end.value)
      throw new RangeOrderError(range.start.toString(), range.end.toString())
    if (range.start.value === cidr.network.value)
      throw new RangeIncludesNetworkError(text, cidr.network.toString())
    if (broadcast && range.end.value === broadcast.value)
      throw new RangeIncludesBroadcastError(text, broadcast.toString())
    if (coveredUpTo !== undefined && range.start.value <= coveredUpTo) throw new RangeOverlapError(text)
    coveredUpTo = coveredUpTo === undefined || range.end.value > coveredUpTo ? range.end.value : coveredUpTo
  }
}

/**
 * §2.1 address field rules: no two fields alike (compared in field order), each of the subnet's
 * family, not its network or IPv4 broadcast address, inside it, and, unless it is the gateway,
 * inside every range, as sysinv tests it (`is_valid_address_within_range` refuses at the first
 * range without it, so with two ranges no such address passes). `ranges` undefined: a create that
 * gave none, where sysinv skips the range test.
 */
export function checkAddressFields(
  cidr: Cidr,
  ranges: readonly IpRange[] | undefined,
  addresses: Readonly<Record<AddressField, IpAddress | null>>,
): void {
  ADDRESS_FIELDS.forEach((later, i) => {
    const value = addresses[later]
    if (value === null) return
    const earlier = ADDRESS_FIELDS.slice(0, i).find((f) => addresses[f]?.equals(value))
    if (earlier) {
      throw new DuplicateAddressError(
        ADDRESS_FIELD_NAMES[later],
        ADDRESS_FIELD_NAMES[earlier],
        value.toString(),
        later,
      )
    }
  })
  const broadcast = cidr.broadcast()
  for (const field of ADDRESS_FIELDS) {
    const ip = addresses[field]
    if (ip === null) continue
    const text = ip.toString()
    if (ip.family !== cidr.family)
      throw new AddressFamilyMismatchError(text, ip.family, cidr.toString(), field)
    if (ip.equals(cidr.network)) throw new AddressIsNetworkError(text, field)
    if (broadcast?.equals(ip)) throw new AddressIsBroadcastError(text, field)
    if (!cidr.contains(ip)) throw new AddressNotInSubnetError(text, cidr.toString(), field)
    const outside = field === 'gatewayAddress' ? undefined : ranges?.find((r) => !r.contains(ip))
    if (outside !== undefined) throw new AddressNotInRangeError(text, outside.toString(), field)
  }
}

/** The stored form of a definition: canonical text everywhere. */
export function poolOf(definition: PoolDefinition, row: { id: number; uuid: string }): AddressPool {
  const text = (ip: IpAddress | null): string | null => (ip === null ? null : ip.toString())
  return {
    id: row.id,
    uuid: row.uuid,
    name: definition.name,
    network: definition.cidr.network.toString(),
    prefix: definition.cidr.prefix,
    family: definition.cidr.family,
    order: definition.order,
    ranges: definition.ranges.map((r) => [r.start.toString(), r.end.toString()] as const),
    floatingAddress: text(definition.addresses.floatingAddress),
    controller0Address: text(definition.addresses.controller0Address),
    controller1Address: text(definition.addresses.controller1Address),
    gatewayAddress: text(definition.addresses.gatewayAddress),
  }
}

/** The definition of a stored pool, to modify it. */
export function definitionOf(pool: AddressPool): PoolDefinition {
  const ip = (text: string | null): IpAddress | null => (text === null ? null : parseIp(text))
  return {
    name: pool.name,
    cidr: new Cidr(parseIp(pool.network), pool.prefix),
    order: pool.order,
    ranges: pool.ranges.map(([s, e]) => new IpRange(parseIp(s), parseIp(e))),
    addresses: {
      floatingAddress: ip(pool.floatingAddress),
      controller0Address: ip(pool.controller0Address),
      controller1Address: ip(pool.controller1Address),
      gatewayAddress: ip(pool.gatewayAddress),
    },
  }
}
