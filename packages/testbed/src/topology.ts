/**
 * The testbed's topology as `testbed/topology.yml` describes it, after {@link parseTopology}
 * checked it. Both the namespace testbed and the compose generator build from these types.
 */

/** An address family, spelled as the topology file spells it. */
export type LinkFamily = 'ipv6' | 'ipv4'

/** One address of a site on its WAN link. */
export interface LinkAddress {
  /** As written: address with prefix, e.g. `fd10:0:1::2/64`. */
  readonly cidr: string
  /** The site's address without prefix. */
  readonly address: string
  readonly prefixLength: number
  /** The link's subnet, e.g. `fd10:0:1::/64`. */
  readonly subnet: string
  /** The WAN router's address on this link: the subnet's first host, the site's gateway. */
  readonly gateway: string
}

/** A site's link to the WAN router: dual-stack, IPv6 primary. */
export interface SiteLink {
  readonly ipv6: LinkAddress
  readonly ipv4: LinkAddress
}

/** Bootstrap values, flat, every value a string (as `dcmanager subcloud add` reads them). */
export type TopologyValues = Readonly<Record<string, string>>

interface SiteBase {
  /** `[a-z][a-z0-9-]{0,15}`, unique. */
  readonly name: string
  readonly link: SiteLink
  /** Whether a node of the NATS JetStream cluster runs at this site. */
  readonly nats: boolean
}

/** A central site: a system controller with its own PostgreSQL. */
export interface CentralSite extends SiteBase {
  readonly role: 'central'
  /** The controller's system name (`values.name`), e.g. the `peer_name` its peers know it by. */
  readonly systemName: string
  /** The controller's bootstrap values. */
  readonly values: TopologyValues
}

/** A site holding only a NATS node, the tie-breaker of the cluster's quorum. */
export interface WitnessSite extends SiteBase {
  readonly role: 'witness'
}

/** Whether the system controller must accept the subcloud or refuse it. */
export type SubcloudExpectation = 'accepted' | 'refused'

/** A subcloud: one dc-agent, onboarded on the geo leader. */
export interface SubcloudSite extends SiteBase {
  readonly role: 'subcloud'
  readonly expect: SubcloudExpectation
  /** The families the agent listens on, primary first; the primary one is its bootstrap address. */
  readonly listen: readonly LinkFamily[]
  /** The subcloud's name on the controller (`values.name`). */
  readonly systemName: string
  /** The subcloud's bootstrap values. */
  readonly values: TopologyValues
}

export type TestbedSite = CentralSite | WitnessSite | SubcloudSite
export type SiteRole = TestbedSite['role']

/** The ports every site uses for its services (each site has addresses of its own). */
export interface TestbedPorts {
  readonly controller: number
  readonly agent: number
  readonly natsClient: number
  readonly natsCluster: number
  /** PostgreSQL listens on the central site's loopback only. */
  readonly postgres: number
}

/** The controllers' audit timing. */
export interface ControllerTiming {
  readonly auditIntervalMs: number
  readonly offlineAfterMisses: number
}

export type HeartbeatFailurePolicy = 'rehome' | 'alarm'

/** Geo-redundancy between the central sites. */
export interface GeoSettings {
  /** The central site leading the peer group; the subclouds are onboarded there. */
  readonly leader: string
  readonly peerGroup: string
  /** The policy the other central sites apply when the leader's heartbeat fails. */
  readonly heartbeatFailurePolicy: HeartbeatFailurePolicy
  readonly heartbeatIntervalMs: number
  readonly maintenanceTimeoutMs: number
}

export interface Topology {
  readonly version: 1
  /** The WAN router every site links to. */
  readonly router: { readonly name: string }
  readonly ports: TestbedPorts
  readonly controller: ControllerTiming
  readonly geo: GeoSettings
  readonly sites: readonly TestbedSite[]
}
