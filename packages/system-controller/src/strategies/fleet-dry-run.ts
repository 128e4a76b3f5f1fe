import {
  FleetIndex,
  IpRange,
  SubnetAllocator,
  commandLine,
  hostActions,
  parseCidr,
  parseIp,
  planSite,
} from '@dc/netmodel'
import type { Command, NetworkPlan, SiteNetworks, SystemState } from '@dc/netmodel'
import type { PlanResponse__Output } from '@dc/protos'
import { describeGrpcError } from '@dc/protos'
import { compareNames } from '../subclouds/subcloud-name.js'
import type { FleetEntry, Subcloud } from '../subclouds/subcloud.js'
import type { NewStrategyStep } from './network-strategy.js'
import { siteNetworksOf } from './site-networks.js'
import type { StrategyAgents } from './strategy-agents.js'

/** Owner of the controller's own pools in the fleet index. */
const CONTROLLER_OWNER = 'SystemController'

/** What the dry run reads besides the agents. */
export interface FleetDryRunDeps {
  readonly agents: Pick<StrategyAgents, 'describe' | 'plan'>
  /** Stored management (or admin) ranges of every subcloud. */
  fleetEntries(): Promise<FleetEntry[]>
  /** The controller's own system: its pools are taken too. */
  ownState(): SystemState
  /** Agent calls in flight at once. @default 64 */
  readonly concurrency?: number
}

interface Described {
  readonly subcloud: Subcloud
  readonly site: SiteNetworks
}

/** `fn` over `items` with at most `limit` running at once; results in the items' order. */
async function mapBounded<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length)
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++
      results[i] = await fn(items[i] as T)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return results
}

function storedRange(entry: FleetEntry): IpRange[] {
  try {
    const subnet = parseCidr(entry.managementSubnet)
    return [
      new IpRange(subnet.first, subnet.last),
      new IpRange(parseIp(entry.managementStart), parseIp(entry.managementEnd)),
    ]
  } catch {
    // A row the controller could not have written (edited by hand) claims nothing.
    return []
  }
}

function poolRanges(subnets: readonly string[]): IpRange[] {
  return subnets.map((text) => {
    const cidr = parseCidr(text)
    return new IpRange(cidr.first, cidr.last)
  })
}

/**
 * Every range the fleet holds: each described site's pools and stored management range, every
 * other subcloud's stored range, and the controller's own pools, one owner each.
 */
function takenRanges(
  described: readonly Described[],
  fleet: readonly FleetEntry[],
  own: SystemState,
): FleetIndex {
  const byOwner = new Map<string, IpRange[]>()
  const add = (owner: string, ranges: readonly IpRange[]): void => {
    byOwner.set(owner, [...(byOwner.get(owner) ?? []), ...ranges])
  }
  for (const entry of fleet) add(entry.name, storedRange(entry))
  for (const { site } of described) add(site.name, poolRanges(site.pools.map((p) => p.subnet)))
  add(CONTROLLER_OWNER, poolRanges(own.pools.map((p) => `${p.network}/${p.prefix}`)))
  return FleetIndex.from([...byOwner].map(([owner, ranges]) => ({ owner, ranges })))
}

function outOfDateHosts(planned: PlanResponse__Output): string[] {
  const hosts = planned.results.flatMap((r) =>
    (r.applied?.effects ?? []).flatMap((e) =>
      e.host_config_out_of_date ? [e.host_config_out_of_date.hostname] : [],
    ),
  )
  return [...new Set(hosts)]
}

function refusedPlan(
  subcloud: Subcloud,
  commands: readonly Command[],
  planned: PlanResponse__Output,
): NewStrategyStep {
  const rejected = planned.results.find((r) => r.rejected)
  const command = rejected === undefined ? undefined : commands[rejected.index]
  const why = rejected?.rejected?.message ?? 'the agent refused the change'
  return newStep(
    subcloud,
    'refused',
    command === undefined ? why : `${commandLine(command)}: ${why}`,
    commands,
  )
}

/** A step as `create` stores it. */
export function newStep(
  subcloud: Subcloud,
  state: 'initial' | 'refused' | 'skipped',
  details: string,
  commands: readonly Command[] = [],
  extra: { hostActions?: readonly Command[]; baseGeneration?: number } = {},
): NewStrategyStep {
  return {
    subcloudId: subcloud.id,
    subcloudName: subcloud.name,
    state,
    details,
    commands,
    hostActions: extra.hostActions ?? [],
    baseGeneration: extra.baseGeneration ?? 0,
  }
}

/**
 * The dry run `network-strategy create` makes of the whole fleet: every eligible subcloud is
 * described, the plan is laid out per site in name order against one index of the ranges the fleet
 * holds (so allocated subnets are unique), and each site's change is run through its agent's
 * `Plan` against its current state. One step per subcloud, in name order: `initial` with the
 * commands, host actions and base generation; `refused` with the command line and the refusal;
 * `skipped` where the plan has nothing to do.
 */
export async function fleetDryRun(
  plan: NetworkPlan,
  eligible: readonly Subcloud[],
  deps: FleetDryRunDeps,
  signal: AbortSignal,
): Promise<NewStrategyStep[]> {
  const limit = deps.concurrency ?? 64
  const sorted = [...eligible].sort((a, b) => compareNames(a.name, b.name))
  const descriptions = await mapBounded(
    sorted,
    limit,
    async (subcloud): Promise<Described | NewStrategyStep> => {
      try {
        return { subcloud, site: siteNetworksOf(subcloud.name, await deps.agents.describe(subcloud, signal)) }
      } catch (err) {
        signal.throwIfAborted()
        return newStep(subcloud, 'refused', `cannot describe the subcloud: ${describeGrpcError(err)}`)
      }
    },
  )
  const described = descriptions.filter((d): d is Described => 'site' in d)
  const allocator = new SubnetAllocator(takenRanges(described, await deps.fleetEntries(), deps.ownState()))
  // Allocation is sequential in name order so that the same fleet always gets the same subnets.
  const sitePlans = new Map(described.map((d) => [d.subcloud.name, planSite(plan, d.site, allocator)]))
  return mapBounded(descriptions, limit, async (entry): Promise<NewStrategyStep> => {
    if (!('site' in entry)) return entry
    const { subcloud, site } = entry
    const sitePlan = sitePlans.get(subcloud.name)
    if (sitePlan === undefined || sitePlan.kind === 'skip')
      return newStep(subcloud, 'skipped', sitePlan?.reason ?? '')
    if (sitePlan.kind === 'refuse') return newStep(subcloud, 'refused', sitePlan.reason)
    let planned: PlanResponse__Output
    try {
      planned = await deps.agents.plan(subcloud, sitePlan.commands, signal)
    } catch (err) {
      signal.throwIfAborted()
      return newStep(
        subcloud,
        'refused',
        `cannot plan on the subcloud: ${describeGrpcError(err)}`,
        sitePlan.commands,
      )
    }
    if (!planned.accepted) return refusedPlan(subcloud, sitePlan.commands, planned)
    return newStep(subcloud, 'initial', '', sitePlan.commands, {
      hostActions: hostActions(site, outOfDateHosts(planned)),
      baseGeneration: Number(planned.base_generation),
    })
  })
}
