import type { Family } from './address.js'

/**
 * How a failure maps onto the gRPC status space. The boundary mappers in the agent and the
 * controller switch on this, never on message text.
 * - `invalid-argument`: wrong regardless of state (syntax, family of a literal, size).
 * - `failed-precondition`: the rule depends on the current state (locks, primaries, overlaps).
 * - `not-found` / `already-exists`: as named.
 */
export type ErrorCategory = 'invalid-argument' | 'failed-precondition' | 'not-found' | 'already-exists'

/** Base of every netmodel error: a stable `code`, a category, and a StarlingX-like message. */
export abstract class NetModelError extends Error {
  abstract readonly code: string
  abstract readonly category: ErrorCategory
  /** The command field or bootstrap key the error is about, when there is one. */
  readonly field: string | undefined

  constructor(message: string, field?: string, options?: ErrorOptions) {
    super(message, options)
    this.name = new.target.name
    this.field = field
  }
}

/** Text that is not an address, subnet, range or host:port. */
export class AddressSyntaxError extends NetModelError {
  readonly code = 'ADDRESS_SYNTAX'
  readonly category = 'invalid-argument'
  readonly input: string
  readonly reason: string

  constructor(input: string, reason: string, field?: string, options?: ErrorOptions) {
    super(`Invalid address '${input}': ${reason}`, field, options)
    this.input = input
    this.reason = reason
  }
}

// ---------------------------------------------------------------------------------------------
// One class per failure. Messages follow sysinv's wording (spec/dual-stack-rules.md) so that an
// operator who knows StarlingX recognises them; the `code` is what programs switch on.
// ---------------------------------------------------------------------------------------------

/** The command itself is malformed: a missing or mistyped field, an unknown kind. */
export class InvalidCommandError extends NetModelError {
  readonly code = 'INVALID_COMMAND'
  readonly category = 'invalid-argument'
}

/** A caller-supplied uuid is not in 8-4-4-4-12 hex form. */
export class InvalidUuidError extends NetModelError {
  readonly code = 'INVALID_UUID'
  readonly category = 'invalid-argument'
  constructor(uuid: string) {
    super(`Invalid uuid '${uuid}'`, 'uuid')
  }
}

/** A caller-supplied uuid is already used by another row. */
export class UuidExistsError extends NetModelError {
  readonly code = 'UUID_EXISTS'
  readonly category = 'already-exists'
  constructor(uuid: string) {
    super(`A row with uuid ${uuid} already exists`, 'uuid')
  }
}

/** `emptyState` was given a host list it cannot build a system from. */
export class InvalidHostListError extends NetModelError {
  readonly code = 'INVALID_HOST_LIST'
  readonly category = 'invalid-argument'
  constructor(reason: string) {
    super(`Invalid host list: ${reason}`, 'hostnames')
  }
}

export class PoolNotFoundError extends NetModelError {
  readonly code = 'POOL_NOT_FOUND'
  readonly category = 'not-found'
  constructor(ref: string, field = 'pool') {
    super(`Address pool ${ref} could not be found`, field)
  }
}

export class NetworkNotFoundError extends NetModelError {
  readonly code = 'NETWORK_NOT_FOUND'
  readonly category = 'not-found'
  constructor(ref: string) {
    super(`Network ${ref} could not be found`, 'network')
  }
}

export class HostNotFoundError extends NetModelError {
  readonly code = 'HOST_NOT_FOUND'
  readonly category = 'not-found'
  constructor(ref: string) {
    super(`Host ${ref} could not be found`, 'host')
  }
}

export class AssociationNotFoundError extends NetModelError {
  readonly code = 'ASSOCIATION_NOT_FOUND'
  readonly category = 'not-found'
  constructor(ref: string) {
    super(`Network address pool ${ref} could not be found`, 'assignment')
  }
}

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
  constructor(address: string, ranges: readonly string[], field: string) {
    super(`IP Address ${address} is not in range: ${ranges.join(', ')}`, field)
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

// --- networks (spec 2.4) -----------------------------------------------------------------------

export class NetworkTypeUnsupportedError extends NetModelError {
  readonly code = 'NETWORK_TYPE_UNSUPPORTED'
  readonly category = 'invalid-argument'
  constructor(type: string) {
    super(`Network type ${type} not supported`, 'type')
  }
}

export class NetworkPoolRequiredError extends NetModelError {
  readonly code = 'NETWORK_POOL_REQUIRED'
  readonly category = 'invalid-argument'
  constructor() {
    super('Address pool UUID has to be specified', 'pool')
  }
}

export class NetworkTypeExistsError extends NetModelError {
  readonly code = 'NETWORK_TYPE_EXISTS'
  readonly category = 'already-exists'
  constructor(type: string) {
    super(`Network of type ${type} already exists.`, 'type')
  }
}

export class NetworkNameExistsError extends NetModelError {
  readonly code = 'NETWORK_NAME_EXISTS'
  readonly category = 'already-exists'
  constructor(name: string) {
    super(`Network with name ${name} already exists.`, 'name')
  }
}

export class NetworkDeleteAfterConfigError extends NetModelError {
  readonly code = 'NETWORK_DELETE_AFTER_CONFIG'
  readonly category = 'failed-precondition'
  constructor(type: string, uuid: string) {
    super(`Cannot delete type ${type} network ${uuid} after initial configuration completion`, 'network')
  }
}

// --- network-addrpool assign and remove (spec 2.5, 2.6) ----------------------------------------

export class AssignAfterConfigError extends NetModelError {
  readonly code = 'ASSIGN_AFTER_CONFIG'
  readonly category = 'failed-precondition'
  constructor(networkUuid: string, type: string) {
    super(
      `Cannot create relation for network {${networkUuid}} with type ${type} after initial configuration completion`,
      'network',
    )
  }
}

export class RemoveAfterConfigError extends NetModelError {
  readonly code = 'REMOVE_AFTER_CONFIG'
  readonly category = 'failed-precondition'
  constructor(networkUuid: string, type: string) {
    super(
      `Cannot delete relation for network {${networkUuid}} with type ${type} after initial configuration completion`,
      'assignment',
    )
  }
}

export class NetworkMaxPoolsError extends NetModelError {
  readonly code = 'NETWORK_MAX_POOLS'
  readonly category = 'failed-precondition'
  constructor(type: string, poolNames: readonly string[]) {
    super(
      `Network of type ${type} already have maximum of 2 pools attached: [${poolNames.join(', ')}]`,
      'pool',
    )
  }
}

export class NetworkFamilyExistsError extends NetModelError {
  readonly code = 'NETWORK_FAMILY_EXISTS'
  readonly category = 'failed-precondition'
  constructor(type: string, poolName: string, family: Family) {
    super(`Network of type ${type} already have pool ${poolName} for family ${family}`, 'pool')
  }
}

export class NetworkPrimaryFamilyError extends NetModelError {
  readonly code = 'NETWORK_PRIMARY_FAMILY'
  readonly category = 'failed-precondition'
  constructor(type: string, family: Family) {
    super(`Network of type ${type} requires primary pool of family ${family}`, 'pool')
  }
}

export class PxebootIpv4OnlyError extends NetModelError {
  readonly code = 'PXEBOOT_IPV4_ONLY'
  readonly category = 'invalid-argument'
  constructor() {
    super('Network of type pxeboot only supports pool of family IPv4', 'pool')
  }
}

export class PoolInUseError extends NetModelError {
  readonly code = 'POOL_IN_USE'
  readonly category = 'failed-precondition'
  constructor() {
    super('Address pool already in use by another network', 'pool')
  }
}

export class ClusterPodNeedsOamError extends NetModelError {
  readonly code = 'CLUSTER_POD_NEEDS_OAM'
  readonly category = 'failed-precondition'
  constructor() {
    super('Cluster-pod address-pool can not be added before OAM address-pool of same IP family', 'pool')
  }
}

export class OamNeededByClusterPodError extends NetModelError {
  readonly code = 'OAM_NEEDED_BY_CLUSTER_POD'
  readonly category = 'failed-precondition'
  constructor(field: string) {
    super('oam address-pool can not be deleted before cluster-pod address-pool of same IP family', field)
  }
}

export class PrimaryPoolRemovalError extends NetModelError {
  readonly code = 'PRIMARY_POOL_REMOVAL'
  readonly category = 'failed-precondition'
  constructor(pool: string, network: string, type: string) {
    super(`Cannot remove primary pool '${pool}' from '${network}' with type ${type}`, 'assignment')
  }
}

// --- hosts ---------------------------------------------------------------------------------------

export class HostAlreadyLockedError extends NetModelError {
  readonly code = 'HOST_ALREADY_LOCKED'
  readonly category = 'failed-precondition'
  constructor(hostname: string) {
    super(`Avoiding lock action on already 'locked' host ${hostname}`, 'host')
  }
}

export class HostAlreadyUnlockedError extends NetModelError {
  readonly code = 'HOST_ALREADY_UNLOCKED'
  readonly category = 'failed-precondition'
  constructor(hostname: string) {
    super(`Avoiding unlock action on already 'unlocked' host ${hostname}`, 'host')
  }
}

export class LockActiveControllerError extends NetModelError {
  readonly code = 'LOCK_ACTIVE_CONTROLLER'
  readonly category = 'failed-precondition'
  /** `standby` is the controller to swact to, when one could take over. */
  constructor(hostname: string, standby: string | undefined) {
    super(
      standby
        ? `${hostname}: Rejected: Can not lock an active controller. Swact to ${standby} first.`
        : `${hostname}: Rejected: Can not lock an active controller: no other controller is unlocked, enabled and available to take over.`,
      'host',
    )
  }
}

export class SwactNotActiveError extends NetModelError {
  readonly code = 'SWACT_NOT_ACTIVE'
  readonly category = 'failed-precondition'
  constructor(hostname: string) {
    super(`Host-swact rejected: ${hostname} is not the active controller`, 'host')
  }
}

export class SwactTargetUnavailableError extends NetModelError {
  readonly code = 'SWACT_TARGET_UNAVAILABLE'
  readonly category = 'failed-precondition'
  constructor(hostname: string, target: string | undefined, targetState: string) {
    super(
      target
        ? `Host-swact rejected: ${target} is ${targetState}; ${hostname} can only swact to an unlocked-enabled-available controller`
        : `Host-swact rejected: ${hostname} has no other controller to swact to`,
      'host',
    )
  }
}

/**
 * Every error `apply()` and `plan()` can return, one class per code, e.g. for a boundary mapper's
 * exhaustive table. The other checks keep one class each with a code union of their own, and stay
 * out of this list because they never come out of a command: `BootstrapValueError`
 * (`BOOTSTRAP_*`), `CompatibilityViolation` (`SUBCLOUD_*`) and `ServiceFamilyError` (`SERVICE_*`).
 * Their prefixes keep every code distinct, and they share the base class and categories, so a
 * mapper that switches on `category` handles them all.
 */
export const NETMODEL_ERROR_CLASSES = [
  AddressSyntaxError,
  InvalidCommandError,
  InvalidUuidError,
  UuidExistsError,
  InvalidHostListError,
  PoolNotFoundError,
  NetworkNotFoundError,
  HostNotFoundError,
  AssociationNotFoundError,
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
  NetworkTypeUnsupportedError,
  NetworkPoolRequiredError,
  NetworkTypeExistsError,
  NetworkNameExistsError,
  NetworkDeleteAfterConfigError,
  AssignAfterConfigError,
  RemoveAfterConfigError,
  NetworkMaxPoolsError,
  NetworkFamilyExistsError,
  NetworkPrimaryFamilyError,
  PxebootIpv4OnlyError,
  PoolInUseError,
  ClusterPodNeedsOamError,
  OamNeededByClusterPodError,
  PrimaryPoolRemovalError,
  HostAlreadyLockedError,
  HostAlreadyUnlockedError,
  LockActiveControllerError,
  SwactNotActiveError,
  SwactTargetUnavailableError,
] as const

/** The stable code of every rule error (bootstrap errors have their own codes). */
export type NetModelErrorCode = InstanceType<(typeof NETMODEL_ERROR_CLASSES)[number]>['code']
