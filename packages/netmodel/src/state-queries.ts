import {
  AssociationNotFoundError,
  HostNotFoundError,
  NetworkNotFoundError,
  PoolNotFoundError,
} from './command-errors.js'
import type { AddressPool, Host, Network, NetworkAddrPool, SystemState } from './system-state.js'

/** The address pool named `ref`, or whose uuid is `ref`, as the `system` CLI resolves it. */
export function findPool(state: SystemState, ref: string): AddressPool | undefined {
  return state.pools.find((p) => p.name === ref) ?? state.pools.find((p) => p.uuid === ref)
}

/** The network named `ref`, or whose uuid is `ref`. */
export function findNetwork(state: SystemState, ref: string): Network | undefined {
  return state.networks.find((n) => n.name === ref) ?? state.networks.find((n) => n.uuid === ref)
}

/** The host whose hostname or uuid is `ref`. */
export function findHost(state: SystemState, ref: string): Host | undefined {
  return state.hosts.find((h) => h.hostname === ref) ?? state.hosts.find((h) => h.uuid === ref)
}

/** The network-addrpool association with uuid `ref` (what `network-addrpool-remove` takes). */
export function findNetworkPool(state: SystemState, ref: string): NetworkAddrPool | undefined {
  return state.networkPools.find((a) => a.uuid === ref)
}

/** The pools bound to a network, primary first, then the secondary, as `addrpool-list` orders them. */
export function poolsOfNetwork(state: SystemState, networkUuid: string): AddressPool[] {
  const network = state.networks.find((n) => n.uuid === networkUuid)
  const pools: AddressPool[] = []
  for (const a of state.networkPools) {
    if (a.networkUuid !== networkUuid) continue
    const pool = state.pools.find((p) => p.uuid === a.poolUuid)
    if (pool) pools.push(pool)
  }
  return pools.sort((a, b) => Number(b.uuid === network?.poolUuid) - Number(a.uuid === network?.poolUuid))
}

/** The network a pool is bound to; sysinv allows at most one. */
export function networkOfPool(state: SystemState, poolUuid: string): Network | undefined {
  const association = state.networkPools.find((a) => a.poolUuid === poolUuid)
  return association && state.networks.find((n) => n.uuid === association.networkUuid)
}

/** The network of type `type`; there is at most one per type. */
export function networkOfType(state: SystemState, type: Network['type']): Network | undefined {
  return state.networks.find((n) => n.type === type)
}

export function controllers(state: SystemState): Host[] {
  return state.hosts.filter((h) => h.personality === 'controller')
}

export function requirePool(state: SystemState, ref: string, field = 'pool'): AddressPool {
  const pool = findPool(state, ref)
  if (!pool) throw new PoolNotFoundError(ref, field)
  return pool
}

export function requireNetwork(state: SystemState, ref: string): Network {
  const network = findNetwork(state, ref)
  if (!network) throw new NetworkNotFoundError(ref)
  return network
}

export function requireHost(state: SystemState, ref: string): Host {
  const host = findHost(state, ref)
  if (!host) throw new HostNotFoundError(ref)
  return host
}

export function requireNetworkPool(state: SystemState, ref: string): NetworkAddrPool {
  const association = findNetworkPool(state, ref)
  if (!association) throw new AssociationNotFoundError(ref)
  return association
}
