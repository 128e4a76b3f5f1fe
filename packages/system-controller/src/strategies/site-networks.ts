import { cidrOf } from '@dc/netmodel'
import type { Family, SiteNetwork, SiteNetworks, SitePool, SystemMode } from '@dc/netmodel'
import type { DescribeResponse__Output } from '@dc/protos'
import { SiteDescriptionError } from './strategy-errors.js'

const SYSTEM_MODES: readonly SystemMode[] = ['simplex', 'duplex', 'duplex-direct', 'standard']

function familyOf(subcloud: string, text: string): Family {
  if (text === 'IPv4' || text === 'IPv6') return text
  throw new SiteDescriptionError(subcloud, `address pool family '${text}' is neither IPv4 nor IPv6`)
}

/**
 * What a network plan needs of subcloud `name`, read from its agent's `Describe`: every pool, the
 * networks with their pools primary first, the hosts, and the primary family (that of the OAM
 * network's primary pool, which the controller dials). Throws {@link SiteDescriptionError} for a
 * site without an OAM network or with an unknown system mode.
 */
export function siteNetworksOf(name: string, described: DescribeResponse__Output): SiteNetworks {
  const modeText = described.system?.system_mode ?? ''
  const systemMode = SYSTEM_MODES.find((m) => m === modeText)
  if (systemMode === undefined) throw new SiteDescriptionError(name, `unknown system mode '${modeText}'`)
  const pools = described.address_pools.map((p): SitePool => ({
    uuid: p.uuid,
    name: p.name,
    family: familyOf(name, p.family),
    subnet: cidrOf(p.network, p.prefix).toString(),
  }))
  const poolByUuid = new Map(pools.map((p) => [p.uuid, p]))
  const networks = described.networks.map((network): SiteNetwork => {
    const assigned = described.network_addrpools.flatMap((a) => {
      const pool = poolByUuid.get(a.address_pool_uuid)
      return a.network_uuid === network.uuid && pool !== undefined ? [{ assignment: a.uuid, pool }] : []
    })
    // The primary pool first, whatever order the associations were made in.
    const primary = assigned.filter((a) => a.pool.uuid === network.pool_uuid)
    const secondary = assigned.filter((a) => a.pool.uuid !== network.pool_uuid)
    return { name: network.name, type: network.type, pools: [...primary, ...secondary] }
  })
  const oam = networks.find((n) => n.type === 'oam')
  const primaryFamily = oam?.pools[0]?.pool.family
  if (primaryFamily === undefined) throw new SiteDescriptionError(name, 'it has no OAM network with a pool')
  return {
    name,
    systemMode,
    primaryFamily,
    networks,
    pools,
    hosts: described.hosts.map((h) => ({
      hostname: h.hostname,
      personality: h.personality,
      active: h.active,
      administrative: h.administrative,
    })),
  }
}
