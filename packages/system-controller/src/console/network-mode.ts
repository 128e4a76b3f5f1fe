import { PLAN_NETWORKS } from '@dc/netmodel'
import type { Family } from '@dc/netmodel'
import type { DescribeResponse__Output } from '@dc/protos'
import type { NetworkMode } from '@dc/console'

/** One network of a site: its pools' families, primary first. */
export interface NetworkFamilies {
  readonly network: string
  readonly families: readonly Family[]
}

/** The mode of a site from its plan networks' families and its Kubernetes dual-stack flag. */
export function networkModeOf(
  networks: readonly NetworkFamilies[],
  kubernetesDualStack: boolean,
): NetworkMode {
  const oam = networks.find((n) => n.network === 'oam')
  const primary = oam?.families[0]
  if (primary === undefined) return 'unknown'
  const counts = new Set(networks.map((n) => n.families.length))
  if (counts.size === 1 && counts.has(1) && !kubernetesDualStack) {
    return networks.every((n) => n.families[0] === primary) ? (primary === 'IPv6' ? 'ipv6' : 'ipv4') : 'mixed'
  }
  if (counts.size === 1 && counts.has(2) && kubernetesDualStack) {
    return primary === 'IPv6' ? 'dual-ipv6-primary' : 'dual-ipv4-primary'
  }
  return 'mixed'
}

function familyOfSubnet(subnet: string): Family {
  return subnet.includes(':') ? 'IPv6' : 'IPv4'
}

const VALUE_KEYS: Readonly<Record<string, string>> = {
  oam: 'external_oam_subnet',
  'cluster-host': 'cluster_host_subnet',
  'cluster-pod': 'cluster_pod_subnet',
  'cluster-service': 'cluster_service_subnet',
}

/**
 * The plan networks' families as a subcloud was added (its stored bootstrap values, dual-stack
 * subnets comma-separated, primary first): what the console shows until it has asked the agent.
 */
export function networksOfValues(valuesJson: string): NetworkFamilies[] {
  if (valuesJson === '') return []
  const values = JSON.parse(valuesJson) as Record<string, unknown>
  return PLAN_NETWORKS.flatMap((network) => {
    const text = values[VALUE_KEYS[network] ?? '']
    if (typeof text !== 'string' || text.trim() === '') return []
    return [{ network, families: text.split(',').map((s) => familyOfSubnet(s.trim())) }]
  })
}

/** Kubernetes is dual-stack from the start when every cluster network's values name two subnets. */
export function kubernetesDualStackOfValues(networks: readonly NetworkFamilies[]): boolean {
  const cluster = networks.filter((n) => n.network !== 'oam')
  return cluster.length === 3 && cluster.every((n) => n.families.length === 2)
}

/** The plan networks' families as the agent describes them (association order, primary first). */
export function networksOfDescribe(described: DescribeResponse__Output): NetworkFamilies[] {
  const familyOfPool = new Map(described.address_pools.map((p) => [p.uuid, p.family]))
  const planNetworks: readonly string[] = PLAN_NETWORKS
  return described.networks
    .filter((n) => planNetworks.includes(n.type))
    .map((n) => {
      const pools = described.network_addrpools.filter((a) => a.network_uuid === n.uuid)
      const ordered = [
        ...pools.filter((a) => a.address_pool_uuid === n.pool_uuid),
        ...pools.filter((a) => a.address_pool_uuid !== n.pool_uuid),
      ]
      return {
        network: n.type,
        families: ordered.flatMap((a) => {
          const family = familyOfPool.get(a.address_pool_uuid)
          return family === 'IPv4' || family === 'IPv6' ? [family] : []
        }),
      }
    })
}
