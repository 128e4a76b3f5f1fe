import { Cidr, parseIp } from './address.js'
import type { OverlapConflict } from './pool-errors.js'
import { PoolOverlapError } from './pool-errors.js'
import type { NetworkType, SystemState } from './system-state.js'

const CLUSTER_NETWORKS: ReadonlySet<string> = new Set(['cluster-host', 'cluster-pod', 'cluster-service'])

/**
 * §2.7's two exceptions: OAM with system-controller-oam, and the cluster networks among themselves.
 * Network types come as text, so a plan can ask about a site it knows from a Describe.
 */
export function overlapAllowed(a: string, b: string): boolean {
  if (CLUSTER_NETWORKS.has(a) && CLUSTER_NETWORKS.has(b)) return a !== b
  return (a === 'oam' && b === 'system-controller-oam') || (a === 'system-controller-oam' && b === 'oam')
}

/** The pool whose subnet is checked; `name` and `uuid` name it in the message, unless omitted. */
export interface OverlapSubject {
  readonly uuid: string
  readonly name: string
  readonly cidr: Cidr
}

/**
 * §2.7: a pool being bound (or a bound pool being renumbered) may not overlap any other pool
 * bound to a network. Unbound pools are ignored. `networkType` is the network the subject is
 * (or will be) bound to, which decides the allowed exceptions; `showRef` is false on modify,
 * where sysinv leaves the subject's name out of the message.
 */
export function checkPoolOverlap(
  state: SystemState,
  subject: OverlapSubject,
  networkType: NetworkType | undefined,
  showRef: boolean,
): void {
  const conflicts: OverlapConflict[] = []
  for (const association of state.networkPools) {
    if (association.poolUuid === subject.uuid) continue
    const pool = state.pools.find((p) => p.uuid === association.poolUuid)
    const network = state.networks.find((n) => n.uuid === association.networkUuid)
    if (!pool || !network || pool.family !== subject.cidr.family) continue
    if (networkType !== undefined && overlapAllowed(networkType, network.type)) continue
    if (!new Cidr(parseIp(pool.network), pool.prefix).overlaps(subject.cidr)) continue
    conflicts.push({ poolName: pool.name, poolUuid: pool.uuid, networkType: network.type })
  }
  if (conflicts.length > 0) {
    throw new PoolOverlapError(subject.cidr.toString(), conflicts, showRef ? subject : undefined)
  }
}
