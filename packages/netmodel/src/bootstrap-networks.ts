import type { Cidr, Family, IpAddress } from './address.js'
import type { NetworkType, SystemMode } from './system-state.js'

/**
 * The networks of a bootstrap file, each named by its key prefix: `<id>_subnet`,
 * `<id>_start_address`, ... (`management_multicast_subnet` is the multicast network).
 */
export type BootstrapNetworkId =
  | 'management'
  | 'pxeboot'
  | 'external_oam'
  | 'management_multicast'
  | 'cluster_host'
  | 'cluster_pod'
  | 'cluster_service'
  | 'system_controller'
  | 'system_controller_oam'
  | 'admin'

/** Address keys of a network: `<id>_start_address`, ..., `<id>_node_0_address`. */
export type BootstrapAddressField = 'start' | 'end' | 'floating' | 'gateway' | 'node0' | 'node1'

/** One family of one network, every derived default filled in. */
export interface BootstrapPool {
  readonly subnet: Cidr
  readonly start: IpAddress
  readonly end: IpAddress
  /** Undefined on networks without one (multicast, cluster-pod, cluster-service). */
  readonly floating: IpAddress | undefined
  readonly gateway: IpAddress | undefined
  /** controller-0 / controller-1 (OAM node-0 / node-1); undefined on networks without them. */
  readonly controller0: IpAddress | undefined
  readonly controller1: IpAddress | undefined
}

/** How controller addresses default: mgmt-like networks, OAM, or none at all. */
type NodeDerivation = 'controller' | 'oam' | 'none'

export interface NetworkRule {
  readonly id: BootstrapNetworkId
  readonly type: NetworkType
  /** pool name stem; `-ipv4`/`-ipv6` is appended unless `familySuffix` is false */
  readonly pool: string
  readonly familySuffix: boolean
  readonly dynamic: boolean
  readonly fields: readonly BootstrapAddressField[]
  readonly nodes: NodeDerivation
  /** `validate_address_range.yml` minimum subnet size; undefined where bootstrap runs no range check */
  readonly minSize: ((mode: SystemMode) => bigint) | undefined
  readonly maxSize: bigint | undefined
  readonly singleAddressRange: boolean
  /** shipped defaults used when `<id>_subnet` is absent; undefined: the network is optional */
  readonly defaults: ((mgmtFamily: Family) => ShippedDefaults) | undefined
}

interface ShippedDefaults {
  readonly subnet: string
  readonly addresses?: Partial<Record<BootstrapAddressField, string>>
}

const ALL_FIELDS: readonly BootstrapAddressField[] = ['start', 'end', 'floating', 'gateway', 'node0', 'node1']
const HOST_FIELDS: readonly BootstrapAddressField[] = ['start', 'end', 'floating', 'node0', 'node1']
const RANGE_FIELDS: readonly BootstrapAddressField[] = ['start', 'end']

const hostNetworkMin = (mode: SystemMode): bigint => (mode === 'simplex' ? 3n : 5n)
const fixedMin = (n: bigint) => (): bigint => n

/** What a network has unless its rule says otherwise: static, suffixed, optional, unchecked sizes. */
const RULE_DEFAULTS = {
  familySuffix: true,
  dynamic: false,
  nodes: 'none',
  minSize: undefined,
  maxSize: undefined,
  singleAddressRange: false,
  defaults: undefined,
} as const satisfies Omit<NetworkRule, 'id' | 'type' | 'pool' | 'fields'>

function rule(
  spec: Pick<NetworkRule, 'id' | 'type' | 'pool' | 'fields'> & Partial<NetworkRule>,
): NetworkRule {
  return { ...RULE_DEFAULTS, ...spec }
}

/**
 * The bootstrap networks in StarlingX's creation order (`populate_initial_config.py`): OAM comes
 * before cluster-pod, so the cluster-pod-needs-OAM rule always holds while persisting.
 */
export const NETWORK_RULES: readonly NetworkRule[] = [
  rule({
    id: 'management',
    type: 'mgmt',
    pool: 'management',
    dynamic: true,
    fields: ALL_FIELDS,
    nodes: 'controller',
    minSize: hostNetworkMin,
    singleAddressRange: true,
    defaults: () => ({ subnet: '192.168.204.0/24' }),
  }),
  rule({
    id: 'pxeboot',
    type: 'pxeboot',
    pool: 'pxeboot',
    familySuffix: false,
    dynamic: true,
    fields: HOST_FIELDS,
    nodes: 'controller',
    minSize: hostNetworkMin,
    singleAddressRange: true,
    defaults: () => ({ subnet: '169.254.202.0/24' }),
  }),
  rule({
    id: 'external_oam',
    type: 'oam',
    pool: 'oam',
    fields: ALL_FIELDS,
    nodes: 'oam',
    minSize: fixedMin(5n),
    defaults: () => ({
      subnet: '10.10.10.0/24',
      addresses: { gateway: '10.10.10.1', floating: '10.10.10.2' },
    }),
  }),
  rule({
    id: 'management_multicast',
    type: 'multicast',
    pool: 'multicast-subnet',
    fields: RANGE_FIELDS,
    minSize: fixedMin(6n),
    // StarlingX ships only the IPv4 default, so an IPv6 management network without an explicit
    // multicast subnet would fail the shared-primary-family rule. Like StarlingX's own
    // configuration tool (its DEFAULT_MULTICAST_SUBNET_IPV6), and as the seed's IPv6 system shows
    // in its addrpool-list, the default follows the management primary family: ff08::1:1:0/124.
    defaults: (mgmtFamily) => ({ subnet: mgmtFamily === 'IPv6' ? 'ff08::1:1:0/124' : '239.1.1.0/28' }),
  }),
  rule({
    id: 'cluster_host',
    type: 'cluster-host',
    pool: 'cluster-host-subnet',
    dynamic: true,
    fields: HOST_FIELDS,
    nodes: 'controller',
    minSize: hostNetworkMin,
    singleAddressRange: true,
    defaults: () => ({ subnet: '192.168.206.0/24' }),
  }),
  rule({
    id: 'cluster_pod',
    type: 'cluster-pod',
    pool: 'cluster-pod-subnet',
    fields: RANGE_FIELDS,
    minSize: fixedMin(65536n),
    defaults: () => ({ subnet: '172.16.0.0/16' }),
  }),
  rule({
    id: 'cluster_service',
    type: 'cluster-service',
    pool: 'cluster-service-subnet',
    fields: RANGE_FIELDS,
    minSize: fixedMin(65536n),
    maxSize: 1048576n,
    defaults: () => ({ subnet: '10.96.0.0/12' }),
  }),
  // Written into a subcloud's overrides by the system controller (its management and OAM
  // subnets and floating addresses); sysinv gives these pools its default range.
  rule({
    id: 'system_controller',
    type: 'system-controller',
    pool: 'system-controller-subnet',
    fields: ['floating'],
  }),
  rule({
    id: 'system_controller_oam',
    type: 'system-controller-oam',
    pool: 'system-controller-oam-subnet',
    fields: ['floating'],
  }),
  rule({
    id: 'admin',
    type: 'admin',
    pool: 'admin',
    fields: ALL_FIELDS,
    nodes: 'controller',
    minSize: hostNetworkMin,
    singleAddressRange: true,
  }),
]

/** Overlaps sysinv allows between bound pools (`spec/dual-stack-rules.md` 2.7). */
export const OVERLAP_ALLOWED: readonly (readonly [BootstrapNetworkId, BootstrapNetworkId])[] = [
  ['external_oam', 'system_controller_oam'],
  ['cluster_host', 'cluster_pod'],
  ['cluster_host', 'cluster_service'],
  ['cluster_pod', 'cluster_service'],
]

const FIELD_SUFFIX: Record<BootstrapAddressField, string> = {
  start: 'start_address',
  end: 'end_address',
  floating: 'floating_address',
  gateway: 'gateway_address',
  node0: 'node_0_address',
  node1: 'node_1_address',
}

/** The `localhost.yml` key of a network's subnet or address field: `external_oam_node_0_address`. */
export function bootstrapKey(network: BootstrapNetworkId, field: BootstrapAddressField | 'subnet'): string {
  return `${network}_${field === 'subnet' ? 'subnet' : FIELD_SUFFIX[field]}`
}

/** The name StarlingX gives the pool of `network` in `family`: `management-ipv6`, `pxeboot`. */
export function bootstrapPoolName(network: BootstrapNetworkId, family: Family): string {
  const rule = ruleOf(network)
  return rule.familySuffix ? `${rule.pool}-${family.toLowerCase()}` : rule.pool
}

/**
 * The bootstrap networks in creation order, with the network type each becomes and the `dynamic`
 * flag StarlingX gives it.
 * @internal
 */
export const BOOTSTRAP_NETWORKS: readonly {
  readonly id: BootstrapNetworkId
  readonly type: NetworkType
  readonly dynamic: boolean
}[] = NETWORK_RULES.map((r) => ({ id: r.id, type: r.type, dynamic: r.dynamic }))

function ruleOf(id: BootstrapNetworkId): NetworkRule {
  const rule = NETWORK_RULES.find((r) => r.id === id)
  if (rule === undefined) throw new RangeError(`unknown bootstrap network ${id}`)
  return rule
}
