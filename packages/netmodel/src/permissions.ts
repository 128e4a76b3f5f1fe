import type { AddressField } from './address-allocation.js'
import { ADDRESS_FIELDS } from './address-allocation.js'
import { AssignAfterConfigError, RemoveAfterConfigError } from './network-errors.js'
import { HostUnlockedError, PoolReadOnlyError, UpgradeInProgressError } from './pool-errors.js'
import { controllers, networkOfPool } from './state-queries.js'
import type { AddressPool, Host, Network, NetworkType, SystemMode, SystemState } from './system-state.js'

export function isDuplex(mode: SystemMode): boolean {
  return mode === 'duplex' || mode === 'duplex-direct'
}

/**
 * sysinv's "unlocked": administratively unlocked and provisioned. Hosts count as provisioned
 * only once initial configuration is complete; during bootstrap they are still provisioning.
 */
export function isProvisionedUnlocked(state: SystemState, host: Host): boolean {
  return state.initialConfigComplete && host.administrative === 'unlocked'
}

/** Rules that need the AIO-SX controller locked. */
export function requireControllersLocked(state: SystemState): void {
  const unlocked = controllers(state).find((h) => isProvisionedUnlocked(state, h))
  if (unlocked) throw new HostUnlockedError(unlocked.hostname)
}

const ALWAYS_WRITABLE: ReadonlySet<NetworkType> = new Set([
  'admin',
  'system-controller',
  'system-controller-oam',
])
const SIMPLEX_TO_DUPLEX_WRITABLE: ReadonlySet<NetworkType> = new Set([
  'mgmt',
  'cluster-host',
  'storage',
  'pxeboot',
])

/**
 * §2.2 `_check_modification_allowed`, for modify (`patch` is the set of changed fields with
 * their new values) and delete (`patch` undefined).
 */
export function checkPoolWritable(
  state: SystemState,
  pool: AddressPool,
  patch?: {
    readonly keys: readonly string[]
    readonly addresses: Partial<Record<AddressField, string | null>>
  },
): void {
  if (!state.initialConfigComplete) return
  const network = networkOfPool(state, pool.uuid)
  if (!network) return
  if (network.type === 'oam') {
    if (state.upgradeInProgress !== 'none') throw new UpgradeInProgressError(state.upgradeInProgress)
    return
  }
  if (ALWAYS_WRITABLE.has(network.type)) return
  if (state.systemMode === 'simplex' && (network.type === 'mgmt' || network.type === 'storage')) {
    requireControllersLocked(state)
    return
  }
  if (!isDuplex(state.systemMode)) throw new PoolReadOnlyError()
  if (state.simplexToDuplexMigration && SIMPLEX_TO_DUPLEX_WRITABLE.has(network.type)) return
  if (patch && fillsEmptyControllerAddress(pool, patch)) return
  throw new PoolReadOnlyError()
}

/** A patch that only sets controller-0/1 addresses that are currently empty (adding the second controller). */
function fillsEmptyControllerAddress(
  pool: AddressPool,
  patch: {
    readonly keys: readonly string[]
    readonly addresses: Partial<Record<AddressField, string | null>>
  },
): boolean {
  const fillable: readonly AddressField[] = ['controller0Address', 'controller1Address']
  return (
    patch.keys.length > 0 &&
    patch.keys.every((key) => {
      const field = ADDRESS_FIELDS.find((f) => f === key)
      return (
        field !== undefined &&
        fillable.includes(field) &&
        pool[field] === null &&
        typeof patch.addresses[field] === 'string'
      )
    })
  )
}

/**
 * §2.5 step 1 (and §2.6, which reuses it): may a pool be attached to (or detached from) this
 * network now? `primary` says whether the pool is, or would become, the network's primary.
 */
export function checkRelationAllowed(
  state: SystemState,
  network: Network,
  operation: 'assign' | 'remove',
  primary: boolean,
): void {
  const refuse = (): never => {
    throw operation === 'assign'
      ? new AssignAfterConfigError(network.uuid, network.type)
      : new RemoveAfterConfigError(network.uuid, network.type)
  }
  switch (network.type) {
    case 'mgmt':
      if (state.systemMode === 'simplex') requireControllersLocked(state)
      return
    case 'multicast':
      if (primary && state.initialConfigComplete) refuse()
      return
    case 'pxeboot':
      if (state.initialConfigComplete) refuse()
      return
    case 'oam':
    case 'cluster-host':
    case 'cluster-pod':
    case 'cluster-service':
    case 'storage':
    case 'admin':
    case 'system-controller':
    case 'system-controller-oam':
    case 'ironic':
      return
    default:
      return network.type satisfies never
  }
}
