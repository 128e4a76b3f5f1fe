import type { SiteNetworks, SitePool } from './network-plan.js'
import { networkOfType } from './state-queries.js'
import type { AddressPool, SystemState } from './system-state.js'

function sitePool(pool: AddressPool): SitePool {
  return { uuid: pool.uuid, name: pool.name, family: pool.family, subnet: `${pool.network}/${pool.prefix}` }
}

/**
 * What a network plan needs of a site, read from its state (what an agent's Describe carries).
 * The primary family is OAM's, else management's; a site with neither is not bootstrapped yet and
 * counts as IPv4, StarlingX's shipped default.
 */
export function siteNetworksFromState(state: SystemState, name: string): SiteNetworks {
  const primaryFamily =
    networkOfType(state, 'oam')?.primaryPoolFamily ??
    networkOfType(state, 'mgmt')?.primaryPoolFamily ??
    'IPv4'
  const pools = new Map(state.pools.map((p) => [p.uuid, p]))
  return {
    name,
    systemMode: state.systemMode,
    primaryFamily,
    networks: state.networks.map((network) => {
      const pairs = state.networkPools.flatMap((a) => {
        const pool = a.networkUuid === network.uuid ? pools.get(a.poolUuid) : undefined
        return pool === undefined ? [] : [{ assignment: a.uuid, pool: sitePool(pool) }]
      })
      // primary first, as `addrpool-list` orders a network's pools
      pairs.sort(
        (a, b) => Number(b.pool.uuid === network.poolUuid) - Number(a.pool.uuid === network.poolUuid),
      )
      return { name: network.name, type: network.type, pools: pairs }
    }),
    pools: state.pools.map(sitePool),
    hosts: state.hosts.map((h) => ({
      hostname: h.hostname,
      personality: h.personality,
      active: h.active,
      administrative: h.administrative,
    })),
  }
}
