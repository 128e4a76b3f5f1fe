import type { Cidr, Family } from './address.js'
import { parseCidr } from './address.js'
import type { Command, CommandOf } from './command.js'
import type {
  NetworkPlan,
  PlanNetwork,
  PoolSource,
  SiteNetwork,
  SiteNetworks,
  SitePlan,
} from './network-plan.js'
import { PLAN_NETWORKS, usableSpan } from './network-plan.js'
import { overlapAllowed } from './pool-overlap.js'
import type { SubnetAllocator } from './subnet-allocator.js'
import type { SystemMode } from './system-state.js'

/** Why the plan cannot apply to a site, naming the plan key at fault; caught in {@link planSite}. */
class Refusal extends Error {
  readonly reason: string

  constructor(key: string, rule: string) {
    super(`${key}: ${rule}`)
    this.name = 'Refusal'
    this.reason = this.message
  }
}

/** A network's secondary pool in the making: its subnet and the plan key it came from. */
interface NewPool {
  readonly network: SiteNetwork
  readonly type: PlanNetwork
  readonly name: string
  readonly subnet: Cidr
  readonly key: string
}

// Per-subcloud OAM and cluster-host subnets must be unique in the fleet; a cluster-pod or
// cluster-service subnet is private to each site's Kubernetes and is the same everywhere by design.
const FLEET_UNIQUE: ReadonlySet<PlanNetwork> = new Set(['oam', 'cluster-host'])

function otherFamily(family: Family): Family {
  return family === 'IPv4' ? 'IPv6' : 'IPv4'
}

function networkOf(site: SiteNetworks, type: PlanNetwork): SiteNetwork | undefined {
  return site.networks.find((n) => n.type === type)
}

function hasFamily(site: SiteNetworks, type: PlanNetwork, family: Family): boolean {
  return networkOf(site, type)?.pools.some((p) => p.pool.family === family) ?? false
}

/** Refuses a new pool that overlaps a pool bound on the site, or one planned before it. */
function checkSiteOverlap(site: SiteNetworks, planned: readonly NewPool[], next: NewPool): void {
  const bound = site.networks.flatMap((network) =>
    network.pools.map(({ pool }) => ({
      type: network.type,
      name: pool.name,
      subnet: parseCidr(pool.subnet),
    })),
  )
  const clash = [...bound, ...planned].find(
    (other) => !overlapAllowed(next.type, other.type) && other.subnet.overlaps(next.subnet),
  )
  if (clash) {
    throw new Refusal(
      next.key,
      `${next.subnet.toString()} overlaps ${site.name}'s pool ${clash.name} (${clash.subnet.toString()}) of its ${clash.type} network`,
    )
  }
}

/** The subnet of one network's new pool: the per-subcloud value, an allocation, or the shared subnet. */
function subnetFor(
  plan: Extract<NetworkPlan, { kind: 'add' }>,
  site: SiteNetworks,
  type: PlanNetwork,
  allocator: SubnetAllocator,
): { readonly subnet: Cidr; readonly key: string } {
  const own = plan.subclouds.get(site.name)?.get(type)
  if (own?.kind === 'subnet') {
    const key = `subclouds.${site.name}.${type}.subnet`
    const [conflict] = FLEET_UNIQUE.has(type) ? allocator.claim(site.name, own.subnet) : []
    if (conflict) {
      throw new Refusal(key, `${own.subnet.toString()} overlaps ${conflict.range} of ${conflict.owner}`)
    }
    return { subnet: own.subnet, key }
  }
  const source = plan.add.get(type) as PoolSource
  if (source.kind === 'subnet') return { subnet: source.subnet, key: `add.${type}.subnet` }
  const key = `add.${type}.allocate_from`
  const subnet = allocator.allocate(site.name, source)
  if (subnet === undefined) {
    throw new Refusal(key, `${source.from.toString()} has no free /${source.prefix} left for ${site.name}`)
  }
  return { subnet, key }
}

/**
 * The seed's `addrpool-add` for a secondary pool: floating, controller-0 and controller-1 the first
 * usable addresses where the network type takes them (one controller on simplex), the OAM gateway
 * the last usable one and left out of the range.
 */
function poolAdd(type: PlanNetwork, name: string, subnet: Cidr, mode: SystemMode): CommandOf<'addrpool-add'> {
  const { first, last } = usableSpan(subnet)
  const base = {
    kind: 'addrpool-add',
    name,
    network: subnet.network.toString(),
    prefix: subnet.prefix,
  } as const
  const order = 'random'
  if (type === 'cluster-pod' || type === 'cluster-service') {
    return { ...base, order, ranges: [[first.toString(), last.toString()]] }
  }
  const controllers =
    mode === 'simplex'
      ? {}
      : { controller0Address: first.offset(1).toString(), controller1Address: first.offset(2).toString() }
  const addresses = { floatingAddress: first.toString(), ...controllers }
  if (type === 'cluster-host')
    return { ...base, order, ranges: [[first.toString(), last.toString()]], ...addresses }
  const end = last.offset(-1).toString()
  return { ...base, order, ranges: [[first.toString(), end]], ...addresses, gatewayAddress: last.toString() }
}

function planAdd(
  plan: Extract<NetworkPlan, { kind: 'add' }>,
  site: SiteNetworks,
  allocator: SubnetAllocator,
): SitePlan {
  const [first] = plan.add
  if (first === undefined) return { kind: 'skip', reason: 'the plan adds no network' }
  const [firstKey, firstSource] = first
  const planFamily = firstSource.kind === 'subnet' ? firstSource.subnet.family : firstSource.from.family
  if (planFamily === site.primaryFamily) {
    throw new Refusal(
      `add.${firstKey}`,
      `the plan gives ${planFamily}, which is ${site.name}'s primary family`,
    )
  }
  const family = otherFamily(site.primaryFamily)
  const listed = PLAN_NETWORKS.filter((type) => plan.add.has(type))
  const todo = listed.filter((type) => !hasFamily(site, type, family))
  if (todo.length === 0) return { kind: 'skip', reason: `already dual-stack: ${listed.join(', ')}` }
  if (todo.includes('cluster-pod') && !todo.includes('oam') && !hasFamily(site, 'oam', family)) {
    throw new Refusal(
      'add.cluster-pod',
      `cluster-pod can get ${family} only once oam has it; add oam to the plan`,
    )
  }
  const networks = todo.map((type) => {
    const network = networkOf(site, type)
    if (network === undefined) throw new Refusal(`add.${type}`, `${site.name} has no ${type} network`)
    const name = `${type}-${family.toLowerCase()}`
    if (site.pools.some((p) => p.name === name)) {
      throw new Refusal(
        `add.${type}`,
        `${site.name} already has a pool named ${name}; delete or rename it first`,
      )
    }
    return { type, network, name }
  })
  const planned: NewPool[] = []
  for (const { type, network, name } of networks) {
    const next = { type, network, name, ...subnetFor(plan, site, type, allocator) }
    checkSiteOverlap(site, planned, next)
    planned.push(next)
  }
  const commands = planned.flatMap(({ type, network, name, subnet }): Command[] => [
    poolAdd(type, name, subnet, site.systemMode),
    { kind: 'network-addrpool-assign', network: network.name, pool: name },
  ])
  return { kind: 'change', commands }
}

function planRemove(remove: readonly PlanNetwork[], site: SiteNetworks): SitePlan {
  const family = otherFamily(site.primaryFamily)
  const leaving = [...PLAN_NETWORKS].reverse().flatMap((type) => {
    const entry = remove.includes(type)
      ? networkOf(site, type)?.pools.find((p) => p.pool.family === family)
      : undefined
    return entry === undefined ? [] : [{ type, ...entry }]
  })
  if (leaving.length === 0) return { kind: 'skip', reason: `already single-stack: ${remove.join(', ')}` }
  const podStays = hasFamily(site, 'cluster-pod', family) && !leaving.some((l) => l.type === 'cluster-pod')
  if (podStays && leaving.some((l) => l.type === 'oam')) {
    throw new Refusal(
      `remove[${remove.indexOf('oam')}]`,
      `oam keeps its ${family} pool while cluster-pod has one; remove cluster-pod too`,
    )
  }
  const commands = leaving.flatMap(({ assignment, pool }): Command[] => [
    { kind: 'network-addrpool-remove', assignment },
    { kind: 'addrpool-delete', pool: pool.name },
  ])
  return { kind: 'change', commands }
}

/**
 * The commands that bring `site` to the plan: for `add`, per network without a pool of the site's
 * secondary family, an `addrpool-add <network>-<family lower-case>` (floating, controller-0 and
 * controller-1 the first usable addresses where the network type takes them, the OAM gateway the
 * last usable one, left out of the range) and a `network-addrpool-assign`, OAM first; for `remove`,
 * per listed network with a secondary pool, `network-addrpool-remove` and `addrpool-delete`,
 * cluster-service first and OAM last. Allocations and per-subcloud OAM and cluster-host subnets are
 * recorded in `allocator`, so call it once per site, in subcloud-name order.
 */
export function planSite(plan: NetworkPlan, site: SiteNetworks, allocator: SubnetAllocator): SitePlan {
  try {
    return plan.kind === 'add' ? planAdd(plan, site, allocator) : planRemove(plan.remove, site)
  } catch (e) {
    if (e instanceof Refusal) return { kind: 'refuse', reason: e.reason }
    throw e
  }
}
