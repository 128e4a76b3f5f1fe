import type { Family } from './address.js'
import { NetModelError } from './net-model-error.js'

// --- address pool syntax (spec 2.1 "Syntax errors") -------------------------------------------

export class InvalidPoolNameError extends NetModelError {
  readonly code = 'INVALID_POOL_NAME'
  readonly category = 'invalid-argument'
  constructor() {
    super('Address pool name must not be empty', 'name')
  }
}

export class InvalidPrefixError extends NetModelError {
  readonly code = 'INVALID_PREFIX'
  readonly category = 'invalid-argument'
  constructor(network: string, prefix: number, reason: 'too-small' | 'too-large') {
    super(
      reason === 'too-small'
        ? `Address pool prefix length must be at least 1: ${network}/${prefix}`
        : `Invalid IP address and prefix: ${network}/${prefix}`,
      'prefix',
    )
  }
}

export class NullNetworkError extends NetModelError {
  readonly code = 'NETWORK_NULL'
  readonly category = 'invalid-argument'
  constructor(network: string) {
    super(`Network must not be null: ${network}`, 'network')
  }
}

export class HostBitsSetError extends NetModelError {
  readonly code = 'HOST_BITS_SET'
  readonly category = 'invalid-argument'
  constructor(network: string, prefix: number) {
    super(`Network address ${network}/${prefix} has host bits set`, 'network')
  }
}

export class InvalidOrderError extends NetModelError {
  readonly code = 'INVALID_ORDER'
  readonly category = 'invalid-argument'
  constructor(order: string) {
    super(`Address pool allocation order '${order}' is not valid: use sequential or random`, 'order')
  }
}

export class InvalidSubnetSizeError extends NetModelError {
  readonly code = 'INVALID_SUBNET_SIZE'
  readonly category = 'invalid-argument'
  constructor(size: bigint, cidr: string, family: Family) {
    super(
      `Invalid subnet size ${size} with ${cidr}. Please configure at least size /${family === 'IPv4' ? 30 : 126} subnet`,
      'prefix',
    )
  }
}

export class PoolNameExistsError extends NetModelError {
  readonly code = 'POOL_NAME_EXISTS'
  readonly category = 'already-exists'
  constructor(name: string) {
    super(`Address pool ${name} already exists`, 'name')
  }
}

/** A modify would change the pool's family; the family is fixed at creation. */
export class PoolFamilyChangeError extends NetModelError {
  readonly code = 'POOL_FAMILY_CHANGE'
  readonly category = 'invalid-argument'
  constructor(newFamily: Family, cidr: string, family: Family) {
    super(
      `Invalid IP version ${newFamily === 'IPv4' ? 4 : 6} ${cidr}. Please configure valid ${family} subnet`,
      'network',
    )
  }
}

// --- ranges (spec 2.1 "Ranges") ----------------------------------------------------------------

export class RangeFamilyMismatchError extends NetModelError {
  readonly code = 'RANGE_FAMILY_MISMATCH'
  readonly category = 'invalid-argument'
  constructor(range: string, cidr: string) {
    super(`Invalid IP version in range ${range}: it does not match network ${cidr}`, 'ranges')
  }
}

export class RangeOutsideSubnetError extends NetModelError {
  readonly code = 'RANGE_OUTSIDE_SUBNET'
  readonly category = 'invalid-argument'
  constructor(end: 'start' | 'end', address: string, cidr: string) {
    super(`Range ${end} address ${address} is not within network ${cidr}`, 'ranges')
  }
}

export class RangeOrderError extends NetModelError {
  readonly code = 'RANGE_ORDER'
  readonly category = 'invalid-argument'
  constructor(start: string, end: string) {
    super(`Invalid range: start address ${start} must be less than end address ${end}`, 'ranges')
  }
}

export class RangeIncludesNetworkError extends NetModelError {
  readonly code = 'RANGE_INCLUDES_NETWORK'
  readonly category = 'invalid-argument'
  constructor(range: string, network: string) {
    super(`Invalid range ${range}: it includes the network address ${network}`, 'ranges')
  }
}

export class RangeIncludesBroadcastError extends NetModelError {
  readonly code = 'RANGE_INCLUDES_BROADCAST'
  readonly category = 'invalid-argument'
  constructor(range: string, broadcast: string) {
    super(`Invalid range ${range}: it includes the broadcast address ${broadcast}`, 'ranges')
  }
}

export class RangeOverlapError extends NetModelError {
  readonly code = 'RANGE_OVERLAP'
  readonly category = 'invalid-argument'
  constructor(range: string) {
    super(`Addresses from ${range} already contained in range`, 'ranges')
  }
}

// --- address fields (spec 2.1 "Each address field") --------------------------------------------

export class DuplicateAddressError extends NetModelError {
  readonly code = 'DUPLICATE_ADDRESS'
  readonly category = 'invalid-argument'
  constructor(later: string, earlier: string, address: string, field: string) {
    super(`${later} can not be the same as ${earlier}: ${address}`, field)
  }
}

export class AddressFamilyMismatchError extends NetModelError {
  readonly code = 'ADDRESS_FAMILY_MISMATCH'
  readonly category = 'invalid-argument'
  constructor(address: string, addressFamily: Family, cidr: string, field: string) {
    const version = addressFamily === 'IPv4' ? 4 : 6
    const wanted = addressFamily === 'IPv4' ? 'IPv6' : 'IPv4'
    super(
      `Invalid IP version ${version}: ${address}. Please configure valid ${wanted} address for subnet ${cidr}.`,
      field,
    )
  }
}

export class AddressIsNetworkError extends NetModelError {
  readonly code = 'ADDRESS_IS_NETWORK'
  readonly category = 'invalid-argument'
  constructor(address: string, field: string) {
    super(`Cannot use network address: ${address}`, field)
  }
}

export class AddressIsBroadcastError extends NetModelError {
  readonly code = 'ADDRESS_IS_BROADCAST'
  readonly category = 'invalid-argument'
  constructor(address: string, field: string) {
    super(`Cannot use broadcast address: ${address}`, field)
  }
}

export class AddressNotInSubnetError extends NetModelError {
  readonly code = 'ADDRESS_NOT_IN_SUBNET'
  readonly category = 'invalid-argument'
  constructor(address: string, cidr: string, field: string) {
    super(`IP Address ${address} is not in subnet: ${cidr}`, field)
  }
}

export class AddressNotInRangeError extends NetModelError {
  readonly code = 'ADDRESS_NOT_IN_RANGE'
  readonly category = 'invalid-argument'
  constructor(address: string, range: string, field: string) {
    super(`IP Address ${address} is not in range: ${range}`, field)
  }
}

/** The address already exists in a pool that is bound to a network. */
export class AddressInUseError extends NetModelError {
  readonly code = 'ADDRESS_IN_USE'
  readonly category = 'failed-precondition'
  constructor(address: string, poolUuid: string, field: string) {
    super(`Address ${address} already assigned to the following address pool: ${poolUuid}`, field)
  }
}

export class PoolExhaustedError extends NetModelError {
  readonly code = 'POOL_EXHAUSTED'
  readonly category = 'failed-precondition'
  constructor(pool: string) {
    super(`Address pool ${pool} has no free addresses`, 'pool')
  }
}

// --- modify and delete (spec 2.2, 2.3) ---------------------------------------------------------

export class PoolReadOnlyError extends NetModelError {
  readonly code = 'POOL_READ_ONLY'
  readonly category = 'failed-precondition'
  constructor() {
    super('Address pool is read-only and cannot be modified or removed', 'pool')
  }
}

/** The rule needs the (AIO-SX) controller locked. */
export class HostUnlockedError extends NetModelError {
  readonly code = 'HOST_UNLOCKED'
  readonly category = 'failed-precondition'
  constructor(hostname: string) {
    super(`Cannot complete the action because Host ${hostname} is in administrative state = unlocked`)
  }
}

export class UpgradeInProgressError extends NetModelError {
  readonly code = 'UPGRADE_IN_PROGRESS'
  readonly category = 'failed-precondition'
  constructor(kind: 'platform' | 'kubernetes') {
    super(`Action rejected while a ${kind} upgrade is in progress`)
  }
}

export class RequiredFieldsError extends NetModelError {
  readonly code = 'REQUIRED_FIELDS'
  readonly category = 'failed-precondition'
  constructor(fields: readonly string[], field: string) {
    super(`The field(s) must not be empty: ${fields.join(', ')}`, field)
  }
}

export class RangesExcludeAllocatedError extends NetModelError {
  readonly code = 'RANGES_EXCLUDE_ALLOCATED'
  readonly category = 'failed-precondition'
  constructor(addresses: readonly string[]) {
    super(
      `The new address pool ranges excludes addresses that have already been allocated: ${addresses.join(', ')}`,
      'ranges',
    )
  }
}

/** One overlap found by the §2.7 rule, for the message. */
export interface OverlapConflict {
  readonly poolName: string
  readonly poolUuid: string
  readonly networkType: string
}

export class PoolOverlapError extends NetModelError {
  readonly code = 'POOL_OVERLAP'
  readonly category = 'failed-precondition'
  readonly conflicts: readonly OverlapConflict[]
  /** `pool` is omitted on modify, as sysinv omits it on PATCH. */
  constructor(cidr: string, conflicts: readonly OverlapConflict[], pool?: { name: string; uuid: string }) {
    const ref = pool ? ` '${pool.name}' {${pool.uuid}}` : ''
    const list = conflicts.map((c) => `'${c.poolName}' {${c.poolUuid}} assigned to ${c.networkType} network`)
    super(`Address pool${ref} ${cidr} overlaps with: ${list.join(', ')}`, 'network')
    this.conflicts = conflicts
  }
}

export class PoolIsPrimaryError extends NetModelError {
  readonly code = 'POOL_IS_PRIMARY'
  readonly category = 'failed-precondition'
  constructor(networkTypes: readonly string[]) {
    super(
      `Address pool is the primary for the following network(s): ${networkTypes.join(', ')}. Not possible to delete.`,
      'pool',
    )
  }
}

/** Every class above, in order, for `NETMODEL_ERROR_CLASSES`. */
export const POOL_ERROR_CLASSES = [
  InvalidPoolNameError,
  InvalidPrefixError,
  NullNetworkError,
  HostBitsSetError,
  InvalidOrderError,
  InvalidSubnetSizeError,
  PoolNameExistsError,
  PoolFamilyChangeError,
  RangeFamilyMismatchError,
  RangeOutsideSubnetError,
  RangeOrderError,
  RangeIncludesNetworkError,
  RangeIncludesBroadcastError,
  RangeOverlapError,
  DuplicateAddressError,
  AddressFamilyMismatchError,
  AddressIsNetworkError,
  AddressIsBroadcastError,
  AddressNotInSubnetError,
  AddressNotInRangeError,
  AddressInUseError,
  PoolExhaustedError,
  PoolReadOnlyError,
  HostUnlockedError,
  UpgradeInProgressError,
  RequiredFieldsError,
  RangesExcludeAllocatedError,
  PoolOverlapError,
  PoolIsPrimaryError,
] as const
