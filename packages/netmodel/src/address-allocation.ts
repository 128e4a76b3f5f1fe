import type { IpAddress } from './address.js'
import { parseIp } from './address.js'
import type { Draft } from './draft.js'
import { AddressInUseError, PoolExhaustedError } from './pool-errors.js'
import { networkOfPool } from './state-queries.js'
import type { Address, AddressPool, Network, NetworkType, SystemMode } from './system-state.js'

/** The four address fields of a pool, in the order sysinv compares them for duplicates. */
export type AddressField = 'floatingAddress' | 'controller0Address' | 'controller1Address' | 'gatewayAddress'

export const ADDRESS_FIELDS: readonly AddressField[] = [
  'floatingAddress',
  'controller0Address',
  'controller1Address',
  'gatewayAddress',
]

/** sysinv's spelling of each field, used in messages. */
export const ADDRESS_FIELD_NAMES: Readonly<Record<AddressField, string>> = {
  floatingAddress: 'floating_address',
  controller0Address: 'controller0_address',
  controller1Address: 'controller1_address',
  gatewayAddress: 'gateway_address',
}

const FIELD_HOSTNAMES: Readonly<Record<AddressField, string>> = {
  floatingAddress: 'controller',
  controller0Address: 'controller-0',
  controller1Address: 'controller-1',
  gatewayAddress: 'controller-gateway',
}

/** Addresses a multicast network needs, which belong to no pool field. */
export const MULTICAST_ADDRESS_NAMES: readonly string[] = [
  'sm-mgmt-ip',
  'mtce-mgmt-ip',
  'patch-controller-mgmt-ip',
  'patch-agent-mgmt-ip',
]

const CONTROLLER_ADDRESS_NETWORKS: ReadonlySet<NetworkType> = new Set([
  'mgmt',
  'admin',
  'pxeboot',
  'cluster-host',
  'storage',
  'ironic',
])
// On AIO-SX there is no second controller, so these need only the floating address.
const SIMPLEX_FLOATING_ONLY: ReadonlySet<NetworkType> = new Set([
  'admin',
  'mgmt',
  'cluster-host',
  'storage',
  'pxeboot',
])

/** Name of the address row behind a pool field: `controller-0-oam`, or `<pool>-<field>` while unbound. */
export function addressName(
  pool: AddressPool,
  field: AddressField,
  networkType: NetworkType | undefined,
): string {
  return networkType === undefined
    ? `${pool.name}-${ADDRESS_FIELD_NAMES[field]}`
    : `${FIELD_HOSTNAMES[field]}-${networkType}`
}

/** The fields that binding a pool to a network of `type` fills in when empty. */
export function requiredAddressFields(mode: SystemMode, type: NetworkType): readonly AddressField[] {
  if (!CONTROLLER_ADDRESS_NETWORKS.has(type)) return []
  if (mode === 'simplex' && SIMPLEX_FLOATING_ONLY.has(type)) return ['floatingAddress']
  return ['floatingAddress', 'controller0Address', 'controller1Address']
}

function newAddressRow(draft: Draft, pool: AddressPool, address: string, name: string): Address {
  return {
    ...draft.newRow('address'),
    name,
    address,
    prefix: pool.prefix,
    family: pool.family,
    poolUuid: pool.uuid,
    enableDad: pool.family === 'IPv6',
  }
}

/** The lowest address of the ranges not yet used by any row or field: sysinv allocates sequentially here. */
function nextFreeAddress(draft: Draft, pool: AddressPool): string {
  const used = new Set(draft.addresses.map((a) => a.address))
  for (const f of ADDRESS_FIELDS) {
    const v = pool[f]
    if (v !== null) used.add(v)
  }
  for (const [startText, endText] of pool.ranges) {
    const end = parseIp(endText)
    for (let ip: IpAddress = parseIp(startText); ip.value <= end.value; ip = ip.offset(1)) {
      const text = ip.toString()
      if (!used.has(text)) return text
      if (ip.value === end.value) break
    }
  }
  throw new PoolExhaustedError(pool.name)
}

/**
 * Writes the address rows behind a created or modified pool's fields. A field that already had a
 * row keeps that row (so swapping two fields swaps addresses, not rows); the prefix is copied to
 * every address of the pool. An address that exists in another pool is refused if that pool is
 * bound, and otherwise adopted: it leaves that pool (and its field there) and joins this one.
 */
export function writePoolAddressRows(
  draft: Draft,
  before: AddressPool | undefined,
  after: AddressPool,
): void {
  const networkType = networkOfPool(draft.state, after.uuid)?.type
  const adopted = new Map<string, Address>()
  for (const field of ADDRESS_FIELDS) {
    const value = after[field]
    if (value === null || (before && ADDRESS_FIELDS.some((f) => before[f] === value))) continue
    const row = draft.addresses.find((a) => a.address === value)
    if (!row) continue
    const owner = draft.pools.find((p) => p.uuid === row.poolUuid)
    if (row.poolUuid === after.uuid || !owner || networkOfPool(draft.state, owner.uuid)) {
      throw new AddressInUseError(value, row.poolUuid, field)
    }
    adopted.set(value, row)
    const released = ADDRESS_FIELDS.find((f) => owner[f] === value)
    if (released) draft.setPool({ ...owner, [released]: null })
  }

  const previousRows = new Map<AddressField, Address>()
  if (before) {
    for (const field of ADDRESS_FIELDS) {
      const row = draft.addresses.find((a) => a.poolUuid === before.uuid && a.address === before[field])
      if (row) previousRows.set(field, row)
    }
  }
  const replaced = new Set<Address>([...previousRows.values(), ...adopted.values()])
  const kept = draft.addresses
    .filter((a) => !replaced.has(a))
    .map((a) => (a.poolUuid === after.uuid && a.prefix !== after.prefix ? { ...a, prefix: after.prefix } : a))
  const written: Address[] = []
  for (const field of ADDRESS_FIELDS) {
    const value = after[field]
    if (value === null) continue
    const name = addressName(after, field, networkType)
    const reused = adopted.get(value) ?? previousRows.get(field)
    written.push(
      reused
        ? {
            ...reused,
            name,
            address: value,
            prefix: after.prefix,
            family: after.family,
            poolUuid: after.uuid,
            enableDad: after.family === 'IPv6',
          }
        : newAddressRow(draft, after, value, name),
    )
  }
  draft.addresses = [...kept, ...written]
}

/**
 * Binding a pool to a network: existing field addresses take the network's names, and the
 * addresses the network type needs are allocated when missing (spec 1, "Addresses filled in").
 */
export function bindPoolAddresses(draft: Draft, poolUuid: string, network: Network): void {
  let pool = draft.pools.find((p) => p.uuid === poolUuid)
  if (!pool) return
  const current = pool
  draft.addresses = draft.addresses.map((a) => {
    const field = ADDRESS_FIELDS.find((f) => current[f] === a.address)
    return a.poolUuid === poolUuid && field ? { ...a, name: addressName(current, field, network.type) } : a
  })
  const allocated: string[] = []
  for (const field of requiredAddressFields(draft.base.systemMode, network.type)) {
    if (pool[field] !== null) continue
    const address = nextFreeAddress(draft, pool)
    pool = { ...pool, [field]: address }
    const name = addressName(pool, field, network.type)
    draft.addresses = [...draft.addresses, newAddressRow(draft, pool, address, name)]
    allocated.push(name)
  }
  if (network.type === 'multicast') {
    for (const name of MULTICAST_ADDRESS_NAMES) {
      if (draft.addresses.some((a) => a.poolUuid === poolUuid && a.name === name)) continue
      draft.addresses = [...draft.addresses, newAddressRow(draft, pool, nextFreeAddress(draft, pool), name)]
      allocated.push(name)
    }
  }
  draft.setPool(pool)
  if (allocated.length > 0) draft.emit({ type: 'addresses-allocated', pool: pool.name, names: allocated })
}

/**
 * Unbinding: field addresses stay in the pool under its own names; addresses that existed only
 * for the network (the multicast ones) are released.
 */
export function unbindPoolAddresses(draft: Draft, poolUuid: string): void {
  const pool = draft.pools.find((p) => p.uuid === poolUuid)
  if (!pool) return
  const released: string[] = []
  const rows: Address[] = []
  for (const a of draft.addresses) {
    const field = a.poolUuid === poolUuid ? ADDRESS_FIELDS.find((f) => pool[f] === a.address) : undefined
    if (a.poolUuid !== poolUuid) rows.push(a)
    else if (field) rows.push({ ...a, name: addressName(pool, field, undefined) })
    else released.push(a.name)
  }
  draft.addresses = rows
  if (released.length > 0) draft.emit({ type: 'addresses-released', pool: pool.name, names: released })
}

/** Deletes every address row of a pool (the pool itself is going away). */
export function dropPoolAddresses(draft: Draft, pool: AddressPool): void {
  const released = draft.addresses.filter((a) => a.poolUuid === pool.uuid).map((a) => a.name)
  if (released.length === 0) return
  draft.addresses = draft.addresses.filter((a) => a.poolUuid !== pool.uuid)
  draft.emit({ type: 'addresses-released', pool: pool.name, names: released })
}
