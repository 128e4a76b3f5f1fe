import { bindPoolAddresses, unbindPoolAddresses } from './address-allocation.js'
import type { Draft } from './draft.js'
import { ClusterPodNeedsOamError, OamNeededByClusterPodError } from './network-errors.js'
import { networkReconfigured } from './platform-effects.js'
import { networkOfType, poolsOfNetwork } from './state-queries.js'
import type { AddressPool, Network, NetworkAddrPool, NetworkType, SystemState } from './system-state.js'

/** §2.5 step 6: cluster-pod may only get a family that OAM already has. */
export function checkClusterPodHasOam(state: SystemState, type: NetworkType, pool: AddressPool): void {
  if (type !== 'cluster-pod') return
  const oam = networkOfType(state, 'oam')
  if (!oam || !poolsOfNetwork(state, oam.uuid).some((p) => p.family === pool.family)) {
    throw new ClusterPodNeedsOamError()
  }
}

/** §2.6, the reverse: an OAM pool stays while cluster-pod has a pool of its family. */
export function checkOamStillNeeded(
  state: SystemState,
  network: Network,
  pool: AddressPool,
  field: string,
): void {
  if (network.type !== 'oam') return
  const pod = networkOfType(state, 'cluster-pod')
  if (pod && poolsOfNetwork(state, pod.uuid).some((p) => p.family === pool.family)) {
    throw new OamNeededByClusterPodError(field)
  }
}

/**
 * Binds a pool to a network (§2.5 "Result" and "Side effects"): the first pool becomes the
 * primary and fixes the network's primary family; the addresses are named and filled in.
 */
export function attachPool(draft: Draft, network: Network, pool: AddressPool, uuid?: string): void {
  const association: NetworkAddrPool = {
    ...draft.newRow('network-addrpool', uuid),
    networkUuid: network.uuid,
    poolUuid: pool.uuid,
  }
  draft.networkPools = [...draft.networkPools, association]
  const primary = network.poolUuid === null
  const bound: Network = primary
    ? { ...network, poolUuid: pool.uuid, primaryPoolFamily: network.primaryPoolFamily ?? pool.family }
    : network
  if (primary) draft.setNetwork(bound)
  bindPoolAddresses(draft, pool.uuid, bound)
  networkReconfigured(draft, bound, { disable: false, secondary: !primary })
}

/** Unbinds a (secondary) pool: the network keeps its primary and primary family (§2.6). */
export function detachPool(draft: Draft, association: NetworkAddrPool, network: Network): void {
  draft.networkPools = draft.networkPools.filter((a) => a.uuid !== association.uuid)
  unbindPoolAddresses(draft, association.poolUuid)
  networkReconfigured(draft, network, { disable: true, secondary: network.poolUuid !== association.poolUuid })
}

/** Deletes a network and its associations; its pools stay, unbound. */
export function removeNetwork(draft: Draft, network: Network): void {
  const associations = draft.networkPools.filter((a) => a.networkUuid === network.uuid)
  draft.networkPools = draft.networkPools.filter((a) => a.networkUuid !== network.uuid)
  for (const a of associations) unbindPoolAddresses(draft, a.poolUuid)
  draft.networks = draft.networks.filter((n) => n.uuid !== network.uuid)
  networkReconfigured(draft, network, { disable: true, secondary: false })
}
