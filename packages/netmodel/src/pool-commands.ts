import type { IpAddress, IpRange } from './address.js'
import type { AddressField } from './address-allocation.js'
import {
  ADDRESS_FIELDS,
  ADDRESS_FIELD_NAMES,
  dropPoolAddresses,
  writePoolAddressRows,
} from './address-allocation.js'
import type { CommandOf } from './command.js'
import type { Draft } from './draft.js'
import {
  PoolIsPrimaryError,
  PoolNameExistsError,
  RangesExcludeAllocatedError,
  RequiredFieldsError,
} from './pool-errors.js'
import { checkOamStillNeeded, detachPool, removeNetwork } from './network-binding.js'
import { checkPoolWritable } from './permissions.js'
import { networkReconfigured } from './platform-effects.js'
import {
  checkAddressFields,
  checkPoolName,
  checkRanges,
  definitionOf,
  isClearWord,
  parseAddressOf,
  parseOrder,
  parseRanges,
  parseSubnet,
  poolOf,
} from './pool-definition.js'
import { checkPoolOverlap } from './pool-overlap.js'
import { networkOfPool, requireNetwork, requirePool } from './state-queries.js'
import type { AddressPool, Network, NetworkType, SystemState } from './system-state.js'

/** An address field value from a command: `null` when cleared, `undefined` when not given. */
function addressChange(value: string | null | undefined): string | null | undefined {
  if (value === undefined) return undefined
  return value === null || isClearWord(value) ? null : value
}

function parseAddressChange(value: string | null | undefined, field: AddressField): IpAddress | null {
  const change = addressChange(value)
  return change === null || change === undefined ? null : parseAddressOf(change, field)
}

/** §2.1 create. The pool starts unbound, so only its own rules and its addresses' uniqueness apply. */
export function addPool(draft: Draft, command: CommandOf<'addrpool-add'>): void {
  const state = draft.state
  const name = checkPoolName(command.name)
  const cidr = parseSubnet(command.network, command.prefix)
  const order = parseOrder(command.order)
  if (state.pools.some((p) => p.name === name)) throw new PoolNameExistsError(name)
  const ranges = parseRanges(command.ranges, cidr)
  const addresses = {
    floatingAddress: parseAddressChange(command.floatingAddress, 'floatingAddress'),
    controller0Address: parseAddressChange(command.controller0Address, 'controller0Address'),
    controller1Address: parseAddressChange(command.controller1Address, 'controller1Address'),
    gatewayAddress: parseAddressChange(command.gatewayAddress, 'gatewayAddress'),
  }
  checkRanges(cidr, ranges)
  const rangesGiven = command.ranges !== undefined && command.ranges.length > 0
  checkAddressFields(cidr, rangesGiven ? ranges : undefined, addresses)
  const pool = poolOf({ name, cidr, order, ranges, addresses }, draft.newRow('addrpool', command.uuid))
  draft.pools = [...draft.pools, pool]
  writePoolAddressRows(draft, undefined, pool)
}

const REQUIRED_FIELD_NETWORKS: ReadonlySet<NetworkType> = new Set(['oam', 'mgmt', 'admin', 'pxeboot'])

/** §2.2: pools of these networks must keep the controller addresses the platform runs on. */
function checkRequiredFields(
  state: SystemState,
  network: Network,
  addresses: Readonly<Record<AddressField, IpAddress | null>>,
): void {
  if (!REQUIRED_FIELD_NETWORKS.has(network.type)) return
  const required: readonly AddressField[] =
    state.systemMode === 'simplex'
      ? ['floatingAddress']
      : ['floatingAddress', 'controller0Address', 'controller1Address']
  const missing = required.filter((f) => addresses[f] === null)
  const [first] = missing
  if (first !== undefined) {
    throw new RequiredFieldsError(
      missing.map((f) => ADDRESS_FIELD_NAMES[f]),
      first,
    )
  }
}

/** §2.2: addresses handed out from the ranges (not the pool's own fields) must stay inside them. */
function checkAllocatedInRanges(state: SystemState, pool: AddressPool, ranges: readonly IpRange[]): void {
  const own = new Set(ADDRESS_FIELDS.map((f) => pool[f]))
  const outside = state.addresses
    .filter((a) => a.poolUuid === pool.uuid && !own.has(a.address))
    .filter((a) => !ranges.some((r) => r.contains(parseAddressOf(a.address, 'ranges'))))
  if (outside.length > 0) {
    throw new RangesExcludeAllocatedError(
      outside.map((a) => `${a.address}/${a.prefix} for address ${a.name}`),
    )
  }
}

/** §2.2 modify (`replace` semantics), checks in sysinv's order. */
export function modifyPool(draft: Draft, command: CommandOf<'addrpool-modify'>): void {
  const state = draft.state
  const pool = requirePool(state, command.pool)
  const changes = command.changes
  const keys = Object.entries(changes)
    .filter(([, v]) => v !== undefined)
    .map(([k]) => k)
  const addressChanges: Partial<Record<AddressField, string | null>> = {}
  for (const field of ADDRESS_FIELDS) {
    const change = addressChange(changes[field])
    if (change !== undefined) addressChanges[field] = change
  }
  checkPoolWritable(state, pool, { keys, addresses: addressChanges })

  const before = definitionOf(pool)
  const name = changes.name === undefined ? pool.name : checkPoolName(changes.name)
  if (name !== pool.name && state.pools.some((p) => p.name === name)) throw new PoolNameExistsError(name)
  const order = changes.order === undefined ? pool.order : parseOrder(changes.order)
  const cidr =
    changes.network === undefined && changes.prefix === undefined
      ? before.cidr
      : parseSubnet(changes.network ?? pool.network, changes.prefix ?? pool.prefix, pool.family)
  const network = networkOfPool(state, pool.uuid)
  if (cidr.toString() !== before.cidr.toString()) {
    checkPoolOverlap(state, { uuid: pool.uuid, name, cidr }, network?.type, false)
  }
  const ranges = changes.ranges === undefined ? before.ranges : parseRanges(changes.ranges, cidr)
  checkRanges(cidr, ranges)
  if (changes.ranges !== undefined) checkAllocatedInRanges(state, pool, ranges)
  const addresses = { ...before.addresses }
  for (const field of ADDRESS_FIELDS) {
    const change = addressChanges[field]
    if (change !== undefined) addresses[field] = change === null ? null : parseAddressOf(change, field)
  }
  checkAddressFields(cidr, ranges, addresses)
  if (network) checkRequiredFields(state, network, addresses)

  const updated = poolOf({ name, cidr, order, ranges, addresses }, pool)
  draft.setPool(updated)
  writePoolAddressRows(draft, pool, updated)
  if (network) networkReconfigured(draft, network, { disable: false, secondary: false })
}

// Deleting the primary pool of these deletes the network with it (the foreign key cascades).
const CASCADING_PRIMARY: ReadonlySet<NetworkType> = new Set([
  'admin',
  'system-controller',
  'system-controller-oam',
])

/** §2.3 delete. */
export function deletePool(draft: Draft, command: CommandOf<'addrpool-delete'>): void {
  const state = draft.state
  const pool = requirePool(state, command.pool)
  const primaryOf = state.networks.filter((n) => n.poolUuid === pool.uuid)
  const blocking = primaryOf.filter((n) => !CASCADING_PRIMARY.has(n.type))
  if (blocking.length > 0) throw new PoolIsPrimaryError(blocking.map((n) => n.type))
  checkPoolWritable(state, pool)
  for (const network of primaryOf) removeNetwork(draft, network)
  const association = draft.networkPools.find((a) => a.poolUuid === pool.uuid)
  if (association) {
    const network = requireNetwork(state, association.networkUuid)
    checkOamStillNeeded(state, network, pool, 'pool')
    detachPool(draft, association, network)
  }
  dropPoolAddresses(draft, pool)
  draft.pools = draft.pools.filter((p) => p.uuid !== pool.uuid)
}
