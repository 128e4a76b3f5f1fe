import type { CommandOf } from './command.js'
import type { Draft } from './draft.js'
import {
  NetworkDeleteAfterConfigError,
  NetworkFamilyExistsError,
  NetworkMaxPoolsError,
  NetworkNameExistsError,
  NetworkPoolRequiredError,
  NetworkPrimaryFamilyError,
  NetworkTypeExistsError,
  NetworkTypeUnsupportedError,
  PoolInUseError,
  PrimaryPoolRemovalError,
  PxebootIpv4OnlyError,
} from './network-errors.js'
import {
  attachPool,
  checkClusterPodHasOam,
  checkOamStillNeeded,
  detachPool,
  removeNetwork,
} from './network-binding.js'
import { checkRelationAllowed, requireControllersLocked } from './permissions.js'
import { definitionOf } from './pool-definition.js'
import type { OverlapSubject } from './pool-overlap.js'
import { checkPoolOverlap } from './pool-overlap.js'
import {
  networkOfPool,
  poolsOfNetwork,
  requireNetwork,
  requireNetworkPool,
  requirePool,
} from './state-queries.js'
import type { AddressPool, Network, NetworkType, SystemState } from './system-state.js'
import { NETWORK_TYPES } from './system-state.js'

/** Rules shared by a network's first pool (network-add) and any later one (assign). */
function checkPoolBindable(state: SystemState, type: NetworkType, pool: AddressPool): void {
  if (type === 'pxeboot' && pool.family !== 'IPv4') throw new PxebootIpv4OnlyError()
  if (networkOfPool(state, pool.uuid)) throw new PoolInUseError()
  checkClusterPodHasOam(state, type, pool)
}

function overlapSubject(pool: AddressPool): OverlapSubject {
  return { uuid: pool.uuid, name: pool.name, cidr: definitionOf(pool).cidr }
}

/** §2.4 create: one network per type, a primary pool that passes the assign rules. */
export function addNetwork(draft: Draft, command: CommandOf<'network-add'>): void {
  const state = draft.state
  const type = command.type as string
  if (!(NETWORK_TYPES as readonly string[]).includes(type)) throw new NetworkTypeUnsupportedError(type)
  if (!command.pool) throw new NetworkPoolRequiredError()
  if (state.networks.some((n) => n.type === command.type)) throw new NetworkTypeExistsError(command.type)
  const name = command.name.trim() === '' ? command.type : command.name.trim()
  if (state.networks.some((n) => n.name === name)) throw new NetworkNameExistsError(name)
  const pool = requirePool(state, command.pool)
  checkPoolOverlap(state, overlapSubject(pool), command.type, true)
  checkPoolBindable(state, command.type, pool)
  const network: Network = {
    ...draft.newRow('network', command.uuid),
    name,
    type: command.type,
    dynamic: command.dynamic,
    poolUuid: null,
    primaryPoolFamily: null,
  }
  draft.networks = [...draft.networks, network]
  attachPool(draft, network, pool)
}

const NEVER_DELETED_AFTER_CONFIG: ReadonlySet<NetworkType> = new Set([
  'oam',
  'cluster-host',
  'pxeboot',
  'cluster-pod',
  'cluster-service',
  'storage',
])

/** §2.4 delete: most platform networks are permanent once initial configuration is complete. */
export function deleteNetwork(draft: Draft, command: CommandOf<'network-delete'>): void {
  const state = draft.state
  const network = requireNetwork(state, command.network)
  if (state.initialConfigComplete) {
    if (NEVER_DELETED_AFTER_CONFIG.has(network.type)) {
      throw new NetworkDeleteAfterConfigError(network.type, network.uuid)
    }
    if (network.type === 'mgmt') {
      if (state.systemMode !== 'simplex') throw new NetworkDeleteAfterConfigError(network.type, network.uuid)
      requireControllersLocked(state)
    }
  }
  for (const pool of poolsOfNetwork(state, network.uuid)) checkOamStillNeeded(state, network, pool, 'network')
  removeNetwork(draft, network)
}

/** §2.5, checks in sysinv's order. */
export function assignPool(draft: Draft, command: CommandOf<'network-addrpool-assign'>): void {
  const state = draft.state
  const network = requireNetwork(state, command.network)
  const pool = requirePool(state, command.pool)
  checkRelationAllowed(state, network, 'assign', network.poolUuid === null)
  checkPoolOverlap(state, overlapSubject(pool), network.type, true)
  const attached = poolsOfNetwork(state, network.uuid)
  if (attached.length >= 2)
    throw new NetworkMaxPoolsError(
      network.type,
      attached.map((p) => p.name),
    )
  const sameFamily = attached.find((p) => p.family === pool.family)
  if (sameFamily) throw new NetworkFamilyExistsError(network.type, sameFamily.name, pool.family)
  if (
    attached.length === 0 &&
    network.primaryPoolFamily !== null &&
    network.primaryPoolFamily !== pool.family
  ) {
    throw new NetworkPrimaryFamilyError(network.type, network.primaryPoolFamily)
  }
  checkPoolBindable(state, network.type, pool)
  attachPool(draft, network, pool, command.uuid)
}

/** §2.6: only a secondary pool can go, and OAM only after cluster-pod's pool of its family. */
export function removeAssignment(draft: Draft, command: CommandOf<'network-addrpool-remove'>): void {
  const state = draft.state
  const association = requireNetworkPool(state, command.assignment)
  const network = requireNetwork(state, association.networkUuid)
  const pool = requirePool(state, association.poolUuid)
  const primary = network.poolUuid === pool.uuid
  checkRelationAllowed(state, network, 'remove', primary)
  if (primary) throw new PrimaryPoolRemovalError(pool.name, network.name, network.type)
  checkOamStillNeeded(state, network, pool, 'assignment')
  detachPool(draft, association, network)
}
