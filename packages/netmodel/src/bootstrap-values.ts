import { parseCidr, parseIp } from './address.js'
import type { Cidr, Family, IpAddress } from './address.js'
import { BootstrapValueError } from './bootstrap-value-error.js'
import type { BootstrapErrorCode } from './bootstrap-value-error.js'
import { NetModelError } from './errors.js'
import type { DistributedCloudRole, NetworkType, SystemMode } from './system-state.js'

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

/** Parsed `localhost.yml`. Every network lists its pools primary first; `[]` when not configured. */
export interface BootstrapValues {
  readonly name: string | undefined
  readonly systemMode: SystemMode
  readonly distributedCloudRole: DistributedCloudRole
  /** `software_version` (or `release`), e.g. `24.09`. */
  readonly softwareVersion: string | undefined
  readonly networks: Readonly<Record<BootstrapNetworkId, readonly BootstrapPool[]>>
  /** `systemcontroller_gateway_address`, primary first; `[]` when absent. */
  readonly systemControllerGateway: readonly IpAddress[]
  /** Keys the file set itself, as opposed to shipped or derived defaults. Sorted. */
  readonly explicitKeys: readonly string[]
  /**
   * Every key netmodel does not interpret (DNS, registries, passwords, ...), as given. Secret
   * ones stay in, since bootstrap needs them: redact with {@link redactBootstrapValues} before
   * logging or storing.
   */
  readonly passthrough: Readonly<Record<string, unknown>>
}

export type BootstrapParseResult =
  | { readonly ok: true; readonly values: BootstrapValues; readonly warnings: readonly string[] }
  | { readonly ok: false; readonly errors: readonly BootstrapValueError[] }

/** Keys whose values are credentials; nested `password` keys (docker registries) count too. */
export const BOOTSTRAP_SECRET_KEYS: readonly string[] = [
  'admin_password',
  'ansible_become_pass',
  'ansible_ssh_pass',
  'sysadmin_password',
  'bmc_password',
  'password',
]

const REDACTED = '<redacted>'

/** A deep copy of raw bootstrap values with every secret value replaced, fit for logs and storage. */
export function redactBootstrapValues(raw: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const redact = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(redact)
    if (value === null || typeof value !== 'object') return value
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, BOOTSTRAP_SECRET_KEYS.includes(k) ? REDACTED : redact(v)]),
    )
  }
  return redact(raw) as Record<string, unknown>
}

/** How controller addresses default: mgmt-like networks, OAM, or none at all. */
type NodeDerivation = 'controller' | 'oam' | 'none'

interface NetworkRule {
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

/**
 * The bootstrap networks in StarlingX's creation order (`populate_initial_config.py`): OAM comes
 * before cluster-pod, so the cluster-pod-needs-OAM rule always holds while persisting.
 */
const NETWORK_RULES: readonly NetworkRule[] = [
  {
    id: 'management',
    type: 'mgmt',
    pool: 'management',
    familySuffix: true,
    dynamic: true,
    fields: ALL_FIELDS,
    nodes: 'controller',
    minSize: hostNetworkMin,
    maxSize: undefined,
    singleAddressRange: true,
    defaults: () => ({ subnet: '192.168.204.0/24' }),
  },
  {
    id: 'pxeboot',
    type: 'pxeboot',
    pool: 'pxeboot',
    familySuffix: false,
    dynamic: true,
    fields: HOST_FIELDS,
    nodes: 'controller',
    minSize: hostNetworkMin,
    maxSize: undefined,
    singleAddressRange: true,
    defaults: () => ({ subnet: '169.254.202.0/24' }),
  },
  {
    id: 'external_oam',
    type: 'oam',
    pool: 'oam',
    familySuffix: true,
    dynamic: false,
    fields: ALL_FIELDS,
    nodes: 'oam',
    minSize: fixedMin(5n),
    maxSize: undefined,
    singleAddressRange: false,
    defaults: () => ({
      subnet: '10.10.10.0/24',
      addresses: { gateway: '10.10.10.1', floating: '10.10.10.2' },
    }),
  },
  {
    id: 'management_multicast',
    type: 'multicast',
    pool: 'multicast-subnet',
    familySuffix: true,
    dynamic: false,
    fields: RANGE_FIELDS,
    nodes: 'none',
    minSize: fixedMin(6n),
    maxSize: undefined,
    singleAddressRange: false,
    // StarlingX ships only the IPv4 default, so an IPv6 management network without an explicit
    // multicast subnet would fail the shared-primary-family rule. Like StarlingX's own
    // configuration tool (its DEFAULT_MULTICAST_SUBNET_IPV6), and as the seed's IPv6 system shows
    // in its addrpool-list, the default follows the management primary family: ff08::1:1:0/124.
    defaults: (mgmtFamily) => ({ subnet: mgmtFamily === 'IPv6' ? 'ff08::1:1:0/124' : '239.1.1.0/28' }),
  },
  {
    id: 'cluster_host',
    type: 'cluster-host',
    pool: 'cluster-host-subnet',
    familySuffix: true,
    dynamic: true,
    fields: HOST_FIELDS,
    nodes: 'controller',
    minSize: hostNetworkMin,
    maxSize: undefined,
    singleAddressRange: true,
    defaults: () => ({ subnet: '192.168.206.0/24' }),
  },
  {
    id: 'cluster_pod',
    type: 'cluster-pod',
    pool: 'cluster-pod-subnet',
    familySuffix: true,
    dynamic: false,
    fields: RANGE_FIELDS,
    nodes: 'none',
    minSize: fixedMin(65536n),
    maxSize: undefined,
    singleAddressRange: false,
    defaults: () => ({ subnet: '172.16.0.0/16' }),
  },
  {
    id: 'cluster_service',
    type: 'cluster-service',
    pool: 'cluster-service-subnet',
    familySuffix: true,
    dynamic: false,
    fields: RANGE_FIELDS,
    nodes: 'none',
    minSize: fixedMin(65536n),
    maxSize: 1048576n,
    singleAddressRange: false,
    defaults: () => ({ subnet: '10.96.0.0/12' }),
  },
  // Written into a subcloud's overrides by the system controller (its management and OAM
  // subnets and floating addresses); sysinv gives these pools its default range.
  {
    id: 'system_controller',
    type: 'system-controller',
    pool: 'system-controller-subnet',
    familySuffix: true,
    dynamic: false,
    fields: ['floating'],
    nodes: 'none',
    minSize: undefined,
    maxSize: undefined,
    singleAddressRange: false,
    defaults: undefined,
  },
  {
    id: 'system_controller_oam',
    type: 'system-controller-oam',
    pool: 'system-controller-oam-subnet',
    familySuffix: true,
    dynamic: false,
    fields: ['floating'],
    nodes: 'none',
    minSize: undefined,
    maxSize: undefined,
    singleAddressRange: false,
    defaults: undefined,
  },
  {
    id: 'admin',
    type: 'admin',
    pool: 'admin',
    familySuffix: true,
    dynamic: false,
    fields: ALL_FIELDS,
    nodes: 'controller',
    minSize: hostNetworkMin,
    maxSize: undefined,
    singleAddressRange: true,
    defaults: undefined,
  },
]

/** Overlaps sysinv allows between bound pools (`spec/dual-stack-rules.md` 2.7). */
const OVERLAP_ALLOWED: readonly (readonly [BootstrapNetworkId, BootstrapNetworkId])[] = [
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

const SYSTEM_MODES: readonly SystemMode[] = ['simplex', 'duplex', 'duplex-direct', 'standard']
const ROLES: readonly DistributedCloudRole[] = ['none', 'systemcontroller', 'subcloud']
const SCALAR_KEYS = ['name', 'system_mode', 'distributed_cloud_role', 'software_version', 'release']
const SC_GATEWAY_KEY = 'systemcontroller_gateway_address'

/** Collects errors, warnings and which keys the file set, while values are read. */
class Reader {
  readonly errors: BootstrapValueError[] = []
  readonly warnings: string[] = []
  readonly explicit = new Set<string>()
  readonly consumed = new Set<string>(SCALAR_KEYS)

  constructor(readonly raw: Readonly<Record<string, unknown>>) {}

  fail(code: BootstrapErrorCode, key: string, message: string): void {
    this.errors.push(new BootstrapValueError(code, key, message))
  }

  /** The trimmed text of `key`; undefined when absent, null or `derived` (ansible's "not provided"). */
  text(key: string): string | undefined {
    this.consumed.add(key)
    const value = this.raw[key]
    if (value === undefined || value === null) return undefined
    if (typeof value !== 'string') {
      // YAML turns an unquoted 24.10 into the number 24.1, so refuse instead of guessing.
      this.fail('BOOTSTRAP_INVALID_VALUE', key, `${key}: expected a string, got ${JSON.stringify(value)}`)
      return undefined
    }
    const text = value.trim()
    if (text === 'derived') return undefined
    this.explicit.add(key)
    return text
  }

  /** Warnings are per key, not per family: a dual-stack value must not say the same thing twice. */
  warn(message: string): void {
    if (!this.warnings.includes(message)) this.warnings.push(message)
  }

  choice<T extends string>(key: string, allowed: readonly T[], fallback: T): T {
    const text = this.text(key)
    if (text === undefined) return fallback
    const found = allowed.find((a) => a === text)
    if (found !== undefined) return found
    this.fail('BOOTSTRAP_INVALID_VALUE', key, `${key}: '${text}' is not one of ${allowed.join(', ')}`)
    return fallback
  }
}

/**
 * Parse a comma-separated dual-stack value (`parse_dual_stack.py`): one or two items of distinct
 * families, all subnets or all addresses, the first one primary.
 */
function parseDualStack<T extends { readonly family: Family }>(
  r: Reader,
  key: string,
  text: string,
  kind: 'subnet' | 'address',
  parse: (item: string) => T,
): T[] | undefined {
  const items = text.split(',').map((s) => s.trim())
  if (items.length > 2) {
    r.fail('BOOTSTRAP_TOO_MANY_VALUES', key, `${key}: More than two IPs not supported: '${text}'`)
    return undefined
  }
  const subnets = items.filter((i) => i.includes('/')).length
  const allSubnets = subnets === items.length
  if (subnets !== 0 && !allSubnets) {
    r.fail(
      'BOOTSTRAP_MIXED_SUBNET_AND_ADDRESS',
      key,
      `${key}: Value should be both either Subnet or Address: '${text}'`,
    )
    return undefined
  }
  if ((kind === 'subnet') !== allSubnets) {
    const expected = kind === 'subnet' ? 'a subnet <network>/<prefix>' : 'an address, not a subnet'
    r.fail('BOOTSTRAP_INVALID_ADDRESS', key, `${key}: expected ${expected}, got '${text}'`)
    return undefined
  }
  const parsed: T[] = []
  for (const item of items) {
    try {
      parsed.push(parse(item))
    } catch (e) {
      if (!(e instanceof NetModelError)) throw e
      r.fail('BOOTSTRAP_INVALID_ADDRESS', key, `${key}: ${e.message}`)
      return undefined
    }
  }
  const [first, second] = parsed
  if (first !== undefined && second !== undefined && first.family === second.family) {
    r.fail(
      'BOOTSTRAP_SAME_FAMILY_DUAL_STACK',
      key,
      `${key}: Dual-stack of same IP family not supported: '${text}' is ${first.family} twice`,
    )
    return undefined
  }
  return parsed
}

/** Network parse outcome: subnets when they parsed, pools when every value of the network did. */
interface ParsedNetwork {
  readonly rule: NetworkRule
  readonly subnets: readonly Cidr[] | undefined
  readonly pools: readonly BootstrapPool[] | undefined
}

function step(ip: IpAddress, n: number): IpAddress | undefined {
  try {
    return ip.offset(n)
  } catch {
    return undefined
  }
}

/** Networks whose floating address alone stands for a one-address range on a simplex subcloud. */
const SHORTCUT_NETWORKS: readonly BootstrapNetworkId[] = ['management', 'admin']

/**
 * dcmanager's simplex shortcut (spec distcloud 2.2), which it applies to the values before
 * bootstrap sees them: a floating address given without start and end becomes start = end =
 * floating, and a given start must equal the floating address. The expanded keys then count as
 * set by the file, as they are in the values dcmanager hands on. False when the values clash.
 */
function simplexShortcut(
  r: Reader,
  id: BootstrapNetworkId,
  addresses: Map<BootstrapAddressField, IpAddress[]>,
): boolean {
  const floating = addresses.get('floating')
  if (floating === undefined) return true
  const start = addresses.get('start')
  if (start === undefined) {
    if (addresses.has('end')) return true
    addresses.set('start', floating)
    addresses.set('end', floating)
    r.explicit.add(bootstrapKey(id, 'start'))
    r.explicit.add(bootstrapKey(id, 'end'))
    return true
  }
  if (start.every((ip, i) => floating[i]?.equals(ip) === true)) return true
  const key = bootstrapKey(id, 'floating')
  const startKey = bootstrapKey(id, 'start')
  r.fail(
    'BOOTSTRAP_FLOATING_NOT_START',
    key,
    `${key}: on a simplex subcloud the floating address must equal ${startKey}: ${floating.map((ip) => ip.toString()).join(',')} vs ${start.map((ip) => ip.toString()).join(',')}`,
  )
  return false
}

function readNetwork(
  r: Reader,
  rule: NetworkRule,
  mode: SystemMode,
  mgmtFamily: Family,
  subcloudSimplex: boolean,
): ParsedNetwork {
  const subnetKey = bootstrapKey(rule.id, 'subnet')
  const given = r.text(subnetKey)
  const shipped = given === undefined ? rule.defaults?.(mgmtFamily) : undefined
  const subnetText = given ?? shipped?.subnet
  if (subnetText === undefined) {
    for (const field of rule.fields) {
      const key = bootstrapKey(rule.id, field)
      if (r.text(key) !== undefined) {
        r.fail('BOOTSTRAP_SUBNET_MISSING', key, `${key} is set but ${subnetKey} is not`)
      }
    }
    return { rule, subnets: [], pools: [] }
  }
  const subnets = parseDualStack(r, subnetKey, subnetText, 'subnet', parseCidr)
  let complete = subnets !== undefined
  for (const subnet of subnets ?? []) {
    if (subnet.size < 4n) {
      const least = subnet.family === 'IPv4' ? '/30' : '/126'
      r.fail(
        'BOOTSTRAP_SUBNET_TOO_SMALL',
        subnetKey,
        `${subnetKey}: Invalid subnet size ${subnet.size} with ${subnet.toString()}. Please configure at least size ${least} subnet`,
      )
      complete = false
    }
  }
  const addresses = new Map<BootstrapAddressField, IpAddress[]>()
  for (const field of rule.fields) {
    const key = bootstrapKey(rule.id, field)
    const text = r.text(key) ?? shipped?.addresses?.[field]
    if (text === undefined) continue
    const parsed = parseDualStack(r, key, text, 'address', parseIp)
    if (parsed === undefined) {
      complete = false
    } else if (subnets !== undefined) {
      if (parsed.length !== subnets.length) {
        r.fail(
          'BOOTSTRAP_SIZE_MISMATCH',
          key,
          `${key}: Not of same size (single or dual-stack) as ${subnetKey}: ${parsed.length} value(s) for ${subnets.length} subnet(s)`,
        )
        complete = false
      } else if (parsed.some((a, i) => a.family !== subnets[i]?.family)) {
        r.fail(
          'BOOTSTRAP_FAMILY_SEQUENCE',
          key,
          `${key}: IP family does not match on sequence with ${subnetKey}: ${parsed.map((a) => a.family).join(',')} vs ${subnets.map((s) => s.family).join(',')}`,
        )
        complete = false
      } else {
        addresses.set(field, parsed)
      }
    }
  }
  if (!complete || subnets === undefined) return { rule, subnets, pools: undefined }
  if (subcloudSimplex && SHORTCUT_NETWORKS.includes(rule.id) && !simplexShortcut(r, rule.id, addresses)) {
    return { rule, subnets, pools: undefined }
  }
  const pools = subnets.map((subnet, i): BootstrapPool => {
    const value = (field: BootstrapAddressField) => addresses.get(field)?.[i]
    const start = value('start') ?? subnet.at(1)
    const floating = rule.fields.includes('floating') ? (value('floating') ?? start) : undefined
    const node = (field: 'node0' | 'node1', n: number): IpAddress | undefined => {
      if (rule.nodes === 'none' || floating === undefined) return undefined
      const derived = rule.nodes === 'controller' && mode === 'simplex' ? floating : step(floating, n)
      return value(field) ?? derived
    }
    return {
      subnet,
      start,
      // ansible's own default for an IPv6 end is subnet[-1], but the pool StarlingX persists for a
      // derived range is sysinv's default one, [1]..[-2] in both families: the seed's addrpool-list
      // shows `fd02::1-fd02::ffff:ffff:ffff:fffe` for a cluster-host subnet bootstrap derived. The
      // pool is what everything downstream sees (and validating against [-2] refuses nothing
      // ansible's [-1] accepts except an address sysinv would then refuse), so [-2] it is.
      end: value('end') ?? subnet.at(-2),
      floating,
      gateway: value('gateway'),
      controller0: node('node0', 1),
      controller1: node('node1', 2),
    }
  })
  return { rule, subnets, pools }
}

/** Range checks of `validate_address_range.yml`, for one family of one network. */
function checkRange(r: Reader, rule: NetworkRule, pool: BootstrapPool, mode: SystemMode): void {
  if (rule.minSize === undefined) return
  const subnetKey = bootstrapKey(rule.id, 'subnet')
  const startKey = bootstrapKey(rule.id, 'start')
  const { subnet, start, end } = pool
  const min = rule.minSize(mode)
  if (subnet.size < min) {
    r.fail(
      'BOOTSTRAP_SUBNET_TOO_SMALL',
      subnetKey,
      `${subnetKey}: subnet ${subnet.toString()} has ${subnet.size} addresses; the minimum is ${min}`,
    )
  }
  if (rule.maxSize !== undefined && subnet.size > rule.maxSize) {
    r.fail(
      'BOOTSTRAP_SUBNET_TOO_LARGE',
      subnetKey,
      `${subnetKey}: subnet ${subnet.toString()} has ${subnet.size} addresses; the maximum is ${rule.maxSize}`,
    )
  }
  let inside = true
  for (const [field, ip] of [
    ['start', start],
    ['end', end],
  ] as const) {
    const key = bootstrapKey(rule.id, field)
    if (!subnet.contains(ip)) {
      r.fail(
        'BOOTSTRAP_RANGE_OUTSIDE_SUBNET',
        key,
        `${key}: ${ip.toString()} is not within ${subnetKey} ${subnet.toString()}`,
      )
      inside = false
    } else if (isReserved(subnet, ip)) {
      r.fail('BOOTSTRAP_ADDRESS_RESERVED', key, `${key}: ${reservedReason(subnet, ip)}`)
    }
  }
  if (!inside) return
  if (start.value > end.value || (start.value === end.value && !rule.singleAddressRange)) {
    r.fail(
      'BOOTSTRAP_RANGE_ORDER',
      startKey,
      `${startKey}: start address ${start.toString()} must be less than end address ${end.toString()}`,
    )
    return
  }
  const size = end.value - start.value + 1n
  if (size < min - 2n) {
    r.fail(
      'BOOTSTRAP_RANGE_TOO_SMALL',
      startKey,
      `${startKey}: range ${start.toString()}-${end.toString()} holds ${size} addresses; at least ${min - 2n} are needed`,
    )
  }
}

function isReserved(subnet: Cidr, ip: IpAddress): boolean {
  return ip.equals(subnet.network) || subnet.broadcast()?.equals(ip) === true
}

function reservedReason(subnet: Cidr, ip: IpAddress): string {
  return ip.equals(subnet.network)
    ? `Cannot use network address ${ip.toString()} of ${subnet.toString()}`
    : `Cannot use broadcast address ${ip.toString()} of ${subnet.toString()}`
}

const ADDRESS_FIELDS = ['floating', 'controller0', 'controller1', 'gateway'] as const
type PoolAddressField = (typeof ADDRESS_FIELDS)[number]
const POOL_FIELD_KEY: Record<PoolAddressField, BootstrapAddressField> = {
  floating: 'floating',
  controller0: 'node0',
  controller1: 'node1',
  gateway: 'gateway',
}

/** Whether sysinv will store this address field for the system mode (`populate_initial_config`). */
function persisted(field: PoolAddressField, mode: SystemMode): boolean {
  return (field !== 'controller0' && field !== 'controller1') || mode !== 'simplex'
}

/**
 * sysinv's address rules (spec 2.1) for the addresses bootstrap will store, checked here so that
 * all of them are reported at once instead of the first one failing the persist step.
 */
function checkAddresses(r: Reader, rule: NetworkRule, pool: BootstrapPool, mode: SystemMode): void {
  const seen: { key: string; ip: IpAddress }[] = []
  for (const field of ADDRESS_FIELDS) {
    const ip = pool[field]
    const key = bootstrapKey(rule.id, POOL_FIELD_KEY[field])
    const stored = persisted(field, mode)
    if (ip === undefined) continue
    if (!stored) {
      if (r.explicit.has(key)) r.warn(`${key} is not used on a simplex system`)
      continue
    }
    const origin = r.explicit.has(key) ? '' : ' (derived)'
    if (!pool.subnet.contains(ip)) {
      r.fail(
        'BOOTSTRAP_ADDRESS_OUTSIDE_SUBNET',
        key,
        `${key}: IP Address ${ip.toString()}${origin} is not in subnet: ${pool.subnet.toString()}`,
      )
      continue
    }
    if (isReserved(pool.subnet, ip)) {
      r.fail('BOOTSTRAP_ADDRESS_RESERVED', key, `${key}: ${reservedReason(pool.subnet, ip)}`)
      continue
    }
    if (field !== 'gateway' && (ip.value < pool.start.value || ip.value > pool.end.value)) {
      r.fail(
        'BOOTSTRAP_ADDRESS_OUTSIDE_RANGE',
        key,
        `${key}: IP Address ${ip.toString()}${origin} is not in range: ${pool.start.toString()}-${pool.end.toString()}`,
      )
      continue
    }
    const clash = seen.find((s) => s.ip.equals(ip))
    if (clash !== undefined) {
      r.fail(
        'BOOTSTRAP_ADDRESS_DUPLICATE',
        key,
        `${key} can not be the same as ${clash.key}: ${ip.toString()}`,
      )
      continue
    }
    seen.push({ key, ip })
  }
}

function primaryFamily(n: ParsedNetwork | undefined): Family | undefined {
  return n?.subnets?.[0]?.family
}

/** Family rules of `validate-config` across networks. */
function checkFamilies(r: Reader, nets: ReadonlyMap<BootstrapNetworkId, ParsedNetwork>): void {
  const pxeboot = nets.get('pxeboot')?.subnets
  if (pxeboot !== undefined && (pxeboot.length !== 1 || pxeboot[0]?.family !== 'IPv4')) {
    r.fail(
      'BOOTSTRAP_PXEBOOT_NOT_IPV4',
      'pxeboot_subnet',
      `pxeboot_subnet subnet must always be IPv4: ${pxeboot.map((s) => s.toString()).join(',')}`,
    )
  }
  const mgmt = primaryFamily(nets.get('management'))
  if (mgmt !== undefined) {
    const peers: readonly BootstrapNetworkId[] = [
      'management_multicast',
      'cluster_host',
      'cluster_pod',
      'cluster_service',
      'external_oam',
    ]
    for (const id of peers) {
      const family = primaryFamily(nets.get(id))
      if (family === undefined || family === mgmt) continue
      const key = bootstrapKey(id, 'subnet')
      r.fail(
        'BOOTSTRAP_PRIMARY_FAMILY_MISMATCH',
        key,
        `${key}: Cluster, oam and mgmt must have same family address type: ${mgmt} (management_subnet) and ${family} (${key})`,
      )
    }
    const admin = primaryFamily(nets.get('admin'))
    if (admin !== undefined && admin !== mgmt) {
      r.fail(
        'BOOTSTRAP_PRIMARY_FAMILY_MISMATCH',
        'admin_subnet',
        `admin_subnet: Admin subnet must have same IP family of platform network parameters: ${admin} vs ${mgmt} (management_subnet)`,
      )
    }
  }
  const cluster = (['cluster_host', 'cluster_pod', 'cluster_service'] as const).flatMap((id) => {
    const subnets = nets.get(id)?.subnets
    return subnets === undefined ? [] : [{ id, count: subnets.length }]
  })
  if (cluster.some((c) => c.count === 2)) {
    for (const c of cluster.filter((x) => x.count === 1)) {
      const key = bootstrapKey(c.id, 'subnet')
      r.fail(
        'BOOTSTRAP_CLUSTER_DUAL_STACK_INCOMPLETE',
        key,
        `${key}: To have dual-stack, cluster networks (pod, host, and service) must have IPv4 and IPv6 subnets defined`,
      )
    }
  }
  const oam = nets.get('external_oam')?.subnets
  if (nets.get('cluster_pod')?.subnets?.length === 2 && oam?.length === 1) {
    r.fail(
      'BOOTSTRAP_CLUSTER_POD_NEEDS_DUAL_STACK_OAM',
      'external_oam_subnet',
      'external_oam_subnet: To have dual-stack cluster pod network, OAM must have IPv4 and IPv6 subnets defined',
    )
  }
}

function checkManagement(
  r: Reader,
  nets: ReadonlyMap<BootstrapNetworkId, ParsedNetwork>,
  mode: SystemMode,
  role: DistributedCloudRole,
): void {
  const mgmt = nets.get('management')
  for (const subnet of mgmt?.subnets ?? []) {
    if (subnet.family === 'IPv6' && subnet.prefix < 64) {
      r.fail(
        'BOOTSTRAP_IPV6_PREFIX_TOO_SHORT',
        'management_subnet',
        `management_subnet: IPv6 minimum prefix length is /64, got ${subnet.toString()}`,
      )
    }
    if (subnet.family === 'IPv4' && mode === 'standard' && subnet.prefix < 24) {
      r.warn(`management_subnet: prefix /${subnet.prefix} is shorter than /24 on a standard system`)
    }
  }
  for (const subnet of nets.get('management_multicast')?.subnets ?? []) {
    if (!subnet.first.isMulticast() || !subnet.last.isMulticast()) {
      r.fail(
        'BOOTSTRAP_NOT_MULTICAST',
        'management_multicast_subnet',
        `management_multicast_subnet: Invalid multicast subnet: management_multicast_subnet -> ${subnet.toString()}`,
      )
    }
  }
  if (role !== 'systemcontroller') return
  for (const key of ['management_start_address', 'management_end_address']) {
    if (!r.explicit.has(key)) {
      r.fail(
        'BOOTSTRAP_SYSTEMCONTROLLER_RANGE_REQUIRED',
        key,
        `${key} is required on a system controller, so that subcloud gateways get addresses outside the range`,
      )
    }
  }
  for (const pool of mgmt?.pools ?? []) {
    const firstUsable = pool.subnet.at(1)
    const lastUsable = pool.subnet.at(pool.subnet.family === 'IPv4' ? -2 : -1)
    if (pool.start.value <= firstUsable.value && pool.end.value >= lastUsable.value) {
      r.fail(
        'BOOTSTRAP_NO_ROOM_FOR_GATEWAY',
        'management_end_address',
        `management_end_address: range ${pool.start.toString()}-${pool.end.toString()} covers all of ${pool.subnet.toString()}; a system controller must leave addresses free for the system controller gateway`,
      )
    }
  }
}

/** sysinv's overlap rule (spec 2.7) across the bootstrap networks, with its two allowed exceptions. */
function checkOverlaps(r: Reader, nets: readonly ParsedNetwork[]): void {
  const all = nets.flatMap((n) => (n.subnets ?? []).map((subnet) => ({ id: n.rule.id, subnet })))
  all.forEach((b, j) => {
    for (const a of all.slice(0, j)) {
      if (a.id === b.id || !a.subnet.overlaps(b.subnet)) continue
      if (OVERLAP_ALLOWED.some(([x, y]) => (x === a.id && y === b.id) || (x === b.id && y === a.id))) continue
      const key = bootstrapKey(b.id, 'subnet')
      r.fail(
        'BOOTSTRAP_SUBNET_OVERLAP',
        key,
        `${key}: ${b.subnet.toString()} overlaps with ${bootstrapKey(a.id, 'subnet')} ${a.subnet.toString()}`,
      )
    }
  })
}

/**
 * Parse and validate a bootstrap file (`localhost.yml`, already turned into an object): every
 * rule of `spec/dual-stack-rules.md` section 3, with StarlingX's shipped and derived defaults.
 * All violations are returned at once, each naming its key.
 *
 * @param opts.subcloud the values are a subcloud's (`dcmanager subcloud add`), which turns on
 *   dcmanager's simplex shortcut for management and admin; defaults to `distributed_cloud_role`
 *   being `subcloud`, which the file of a subcloud add usually leaves out.
 *
 * @example
 * const result = parseBootstrapValues({ management_subnet: 'fd01::/64', ... })
 * if (!result.ok) for (const e of result.errors) console.error(`${e.key}: ${e.message}`)
 */
export function parseBootstrapValues(
  raw: Readonly<Record<string, unknown>>,
  opts: { readonly subcloud?: boolean } = {},
): BootstrapParseResult {
  const r = new Reader(raw)
  const name = r.text('name')
  const systemMode = r.choice('system_mode', SYSTEM_MODES, 'simplex')
  const distributedCloudRole = r.choice('distributed_cloud_role', ROLES, 'none')
  const subcloudSimplex = (opts.subcloud ?? distributedCloudRole === 'subcloud') && systemMode === 'simplex'
  const version = r.text('software_version')
  const release = r.text('release')
  if (version !== undefined && release !== undefined && version !== release) {
    r.fail(
      'BOOTSTRAP_INVALID_VALUE',
      'release',
      `release '${release}' contradicts software_version '${version}'`,
    )
  }
  const nets = new Map<BootstrapNetworkId, ParsedNetwork>()
  for (const rule of NETWORK_RULES) {
    const mgmtFamily = primaryFamily(nets.get('management')) ?? 'IPv4'
    const parsed = readNetwork(r, rule, systemMode, mgmtFamily, subcloudSimplex)
    nets.set(rule.id, parsed)
    for (const pool of parsed.pools ?? []) {
      checkRange(r, rule, pool, systemMode)
      checkAddresses(r, rule, pool, systemMode)
    }
  }
  const scGatewayText = r.text(SC_GATEWAY_KEY)
  const systemControllerGateway =
    scGatewayText === undefined ? [] : parseDualStack(r, SC_GATEWAY_KEY, scGatewayText, 'address', parseIp)
  checkFamilies(r, nets)
  checkManagement(r, nets, systemMode, distributedCloudRole)
  checkOverlaps(r, [...nets.values()])
  if (r.errors.length > 0) return { ok: false, errors: r.errors }

  const networks = Object.fromEntries(NETWORK_RULES.map((rule) => [rule.id, nets.get(rule.id)?.pools ?? []]))
  return {
    ok: true,
    warnings: r.warnings,
    values: {
      name,
      systemMode,
      distributedCloudRole,
      softwareVersion: version ?? release,
      networks: networks as Record<BootstrapNetworkId, readonly BootstrapPool[]>,
      systemControllerGateway: systemControllerGateway ?? [],
      explicitKeys: [...r.explicit].sort(),
      passthrough: Object.fromEntries(Object.entries(raw).filter(([k]) => !r.consumed.has(k))),
    },
  }
}
