// CONTRACT (to be implemented by the network-plan helper; signatures are fixed, bodies are not).
import type { Cidr, Family } from './address.js'
import type { Command } from './command.js'
import type { FleetIndex } from './fleet-index.js'
import type { SystemMode } from './system-state.js'

/** The networks a network strategy gives a secondary pool to, or takes it from. */
export type PlanNetwork = 'oam' | 'cluster-host' | 'cluster-pod' | 'cluster-service'

/** Where one network's secondary pool comes from. */
export type PoolSource =
  /** One subnet of `prefix` bits per subcloud, carved from `from`, unique in the fleet. */
  | { readonly kind: 'allocate'; readonly from: Cidr; readonly prefix: number }
  /** This subnet, the same on every subcloud (unless a per-subcloud value replaces it). */
  | { readonly kind: 'subnet'; readonly subnet: Cidr }

/** A parsed plan file. */
export type NetworkPlan =
  | {
      readonly kind: 'add'
      /** In the file's order. */
      readonly add: ReadonlyMap<PlanNetwork, PoolSource>
      /** Per-subcloud values by subcloud name; only `subnet` sources. */
      readonly subclouds: ReadonlyMap<string, ReadonlyMap<PlanNetwork, PoolSource>>
    }
  | { readonly kind: 'remove'; readonly remove: readonly PlanNetwork[] }

/** A plan file refused: `field` is the key path at fault (`add.oam.prefix`), `rule` what it breaks. */
export declare class NetworkPlanError extends Error {
  readonly code: 'NETWORK_PLAN_INVALID'
  readonly field: string
  readonly rule: string
}

/** Parse and check a plan file's YAML text; throws {@link NetworkPlanError} naming the key. */
export declare function parseNetworkPlan(text: string): NetworkPlan

/** One pool of a subcloud as its agent describes it. */
export interface SitePool {
  readonly uuid: string
  readonly name: string
  readonly family: Family
  /** `network/prefix` in canonical text. */
  readonly subnet: string
}

/** One network of a subcloud with its pools, primary first. */
export interface SiteNetwork {
  readonly name: string
  readonly type: string
  /** The network-addrpool associations: uuid of the association and the pool. */
  readonly pools: readonly { readonly assignment: string; readonly pool: SitePool }[]
}

/** What a plan needs to know of one subcloud (read from its agent's Describe). */
export interface SiteNetworks {
  readonly name: string
  readonly systemMode: SystemMode
  /** The family of the OAM network's primary pool. */
  readonly primaryFamily: Family
  readonly networks: readonly SiteNetwork[]
  /** Every pool on the site, associated or not. */
  readonly pools: readonly SitePool[]
  readonly hosts: readonly {
    readonly hostname: string
    readonly personality: string
    readonly active: boolean
    readonly administrative: string
  }[]
}

/**
 * Hands out fleet-unique subnets from a plan's `allocate` sources, deterministically (callers ask in
 * subcloud-name order), never one overlapping a range in `taken` or one it already gave.
 */
export declare class SubnetAllocator {
  constructor(taken: FleetIndex)
  /** The next free subnet of `source` for `owner`, recorded as taken; undefined when exhausted. */
  allocate(owner: string, source: { readonly from: Cidr; readonly prefix: number }): Cidr | undefined
  /** Record a given subnet (a per-subcloud or shared value) for `owner`; the conflicts it has. */
  claim(owner: string, subnet: Cidr): readonly { readonly owner: string; readonly range: string }[]
}

/** One subcloud's part of a plan. */
export type SitePlan =
  | { readonly kind: 'change'; readonly commands: readonly Command[] }
  /** Nothing to do (already dual-stack / single-stack): the reason names the networks. */
  | { readonly kind: 'skip'; readonly reason: string }
  /** The plan cannot apply here (family, overlap, exhausted pool): the reason names the plan key. */
  | { readonly kind: 'refuse'; readonly reason: string }

/**
 * The commands that bring `site` to the plan: for `add`, per network without a secondary pool, an
 * `addrpool-add <network>-<family lower-case>` of the site's secondary family (floating,
 * controller-0 and controller-1 the first three usable addresses where the network type takes them,
 * the OAM gateway the last usable one, left out of the range) and a `network-addrpool-assign`; for
 * `remove`, per listed network with a secondary pool, `network-addrpool-remove` and
 * `addrpool-delete`, in the plan's order.
 */
export declare function planSite(plan: NetworkPlan, site: SiteNetworks, allocator: SubnetAllocator): SitePlan

/**
 * The seed's host sequence after a change that left `outOfDate` hosts with 250.001: on a duplex
 * system lock/unlock the standby, swact to it, lock/unlock the other, swact back; on simplex
 * lock/unlock controller-0. Empty when no host is out of date.
 */
export declare function hostActions(site: SiteNetworks, outOfDate: readonly string[]): Command[]

/** A command as the `system` command line that does it, e.g. `system addrpool-add oam-ipv4 10.64.0.0 24 ...`. */
export declare function commandLine(command: Command): string
