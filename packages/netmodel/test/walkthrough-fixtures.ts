// The commands of the seed's runtime walkthrough (`seed/starlingx-dual-stack-blog.md`): an IPv6
// single-stack system gains IPv4 OAM and cluster pools. The pools take controller addresses only
// on a duplex system, where there is a controller-1 to give one to.
import type { Command } from '../src/index.js'

type Mode = 'simplex' | 'duplex'

function controllers(
  mode: Mode,
  c0: string,
  c1: string,
): Partial<Extract<Command, { kind: 'addrpool-add' }>> {
  return mode === 'duplex' ? { controller0Address: c0, controller1Address: c1 } : {}
}

/** The subnet of the walkthrough's `oam-ipv4` pool. */
const OAM_IPV4 = { kind: 'addrpool-add', name: 'oam-ipv4', network: '10.10.204.0', prefix: 24 } as const

/** The walkthrough's `oam-ipv4` pool: random order, one range, floating and gateway addresses. */
export function oamIpv4Pool(mode: Mode): Command {
  return {
    ...OAM_IPV4,
    order: 'random',
    ranges: [['10.10.204.1', '10.10.204.253']],
    floatingAddress: '10.10.204.1',
    ...controllers(mode, '10.10.204.2', '10.10.204.3'),
    gatewayAddress: '10.10.204.254',
  }
}

export const ASSIGN_OAM_IPV4: Command = { kind: 'network-addrpool-assign', network: 'oam', pool: 'oam-ipv4' }

/** A smaller `oam-ipv4` (no order, range or gateway) and its assignment: the shortest way to dual-stack OAM. */
export const MINIMAL_OAM_IPV4: readonly Command[] = [
  { ...OAM_IPV4, floatingAddress: '10.10.204.1', ...controllers('duplex', '10.10.204.2', '10.10.204.3') },
  ASSIGN_OAM_IPV4,
]

/** The walkthrough's three IPv4 cluster pools, unassigned: pod, service, then host. */
export function clusterIpv4Pools(mode: Mode): Command[] {
  return [
    {
      kind: 'addrpool-add',
      name: 'cluster-pod-ipv4',
      network: '172.16.0.0',
      prefix: 16,
      order: 'random',
      ranges: [['172.16.0.1', '172.16.254.254']],
    },
    {
      kind: 'addrpool-add',
      name: 'cluster-service-ipv4',
      network: '10.96.0.0',
      prefix: 12,
      order: 'random',
      ranges: [['10.96.0.1', '10.96.254.254']],
    },
    {
      kind: 'addrpool-add',
      name: 'cluster-host-ipv4',
      network: '171.168.204.0',
      prefix: 24,
      order: 'random',
      ranges: [['171.168.204.1', '171.168.204.254']],
      floatingAddress: '171.168.204.1',
      ...controllers(mode, '171.168.204.2', '171.168.204.3'),
    },
  ]
}

/** The assignments of {@link clusterIpv4Pools}, in the walkthrough's order: the third one turns Kubernetes dual-stack. */
export const ASSIGN_CLUSTER_IPV4: readonly Command[] = [
  { kind: 'network-addrpool-assign', network: 'cluster-service', pool: 'cluster-service-ipv4' },
  { kind: 'network-addrpool-assign', network: 'cluster-pod', pool: 'cluster-pod-ipv4' },
  { kind: 'network-addrpool-assign', network: 'cluster-host', pool: 'cluster-host-ipv4' },
]
