import { stringify } from 'yaml'

/** The address families of a simulated site: IPv4-only, IPv6-only, or dual-stack with IPv6 primary. */
export type SiteKind = 'ipv4' | 'ipv6' | 'dual'

/** Flat bootstrap values, every value a string as an operator writes them in `localhost.yml`. */
export type FlatValues = Readonly<Record<string, string>>

/**
 * Most sites one plan can address: IPv4 OAM subnets are /29 blocks of 172.16.0.0/14, the scarcest
 * range. Management ranges (a /64 each, and a /26 of 10.0.0.0/8) would go further.
 */
export const MAX_SITES = 32_000

/**
 * The dual-stack, IPv6-primary system controller every `ipv6` and `dual` site is valid for: the
 * sites' systemcontroller gateways sit in its management subnets outside its ranges, and none of
 * their ranges overlaps its own.
 */
export const SIMULATED_CONTROLLER_VALUES: FlatValues = {
  name: 'central',
  system_mode: 'duplex',
  distributed_cloud_role: 'systemcontroller',
  software_version: '24.09',
  management_subnet: 'fd01:1::/64,192.168.101.0/24',
  management_start_address: 'fd01:1::2,192.168.101.2',
  management_end_address: 'fd01:1::ff,192.168.101.200',
  external_oam_subnet: 'fd00:1::/64,192.168.100.0/24',
  external_oam_gateway_address: 'fd00:1::1,192.168.100.1',
  external_oam_floating_address: 'fd00:1::2,192.168.100.2',
  cluster_host_subnet: 'fd02:1::/64',
  cluster_pod_subnet: 'fd03:1::/64',
  cluster_service_subnet: 'fd04:1::/112',
}

const SYSTEM_CONTROLLER_GATEWAY = { v6: 'fd01:1::1', v4: '192.168.101.1' }

interface FamilyPlan {
  readonly mgmt: string
  readonly mgmtStart: string
  readonly mgmtEnd: string
  readonly mgmtGateway: string
  readonly oam: string
  readonly oamGateway: string
  readonly oamFloating: string
}

function v4Address(base: number, offset: number): string {
  const n = base + offset
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.')
}

function v6Plan(index: number): FamilyPlan {
  // One group holds any index below MAX_SITES.
  const mgmt = `fd10:${index.toString(16)}::`
  const oam = `fd20:${index.toString(16)}::`
  return {
    mgmt: `${mgmt}/64`,
    mgmtStart: `${mgmt}2`,
    mgmtEnd: `${mgmt}ff`,
    mgmtGateway: `${mgmt}1`,
    oam: `${oam}/64`,
    oamGateway: `${oam}1`,
    oamFloating: `${oam}2`,
  }
}

const TEN_SLASH_8 = 10 << 24
const ONE_SEVEN_TWO_SIXTEEN = ((172 << 24) | (16 << 16)) >>> 0

function v4Plan(index: number): FamilyPlan {
  const mgmt = TEN_SLASH_8 + index * 64
  const oam = ONE_SEVEN_TWO_SIXTEEN + index * 8
  return {
    mgmt: `${v4Address(mgmt, 0)}/26`,
    mgmtStart: v4Address(mgmt, 2),
    mgmtEnd: v4Address(mgmt, 62),
    mgmtGateway: v4Address(mgmt, 1),
    oam: `${v4Address(oam, 0)}/29`,
    oamGateway: v4Address(oam, 1),
    oamFloating: v4Address(oam, 2),
  }
}

/**
 * Bootstrap values of simulated site `index` (0 .. {@link MAX_SITES} - 1), an AIO-simplex
 * subcloud named `name`. Every site gets its own management and OAM subnets, so no two of them
 * overlap in a fleet of any size the plan allows; cluster networks are site-local and alike.
 * `ipv6` and `dual` sites are valid for {@link SIMULATED_CONTROLLER_VALUES}; an `ipv4` site only
 * for an IPv4-primary controller with the same IPv4 management subnet.
 */
export function siteBootstrapValues(index: number, kind: SiteKind, name: string): FlatValues {
  if (!Number.isSafeInteger(index) || index < 0 || index >= MAX_SITES) {
    throw new RangeError(`site index ${index} is outside 0..${MAX_SITES - 1}`)
  }
  const v6 = v6Plan(index)
  const v4 = v4Plan(index)
  const pick = (key: keyof FamilyPlan): string =>
    kind === 'ipv6' ? v6[key] : kind === 'ipv4' ? v4[key] : `${v6[key]},${v4[key]}`
  const gateway =
    kind === 'ipv6'
      ? SYSTEM_CONTROLLER_GATEWAY.v6
      : kind === 'ipv4'
        ? SYSTEM_CONTROLLER_GATEWAY.v4
        : `${SYSTEM_CONTROLLER_GATEWAY.v6},${SYSTEM_CONTROLLER_GATEWAY.v4}`
  const cluster =
    kind === 'ipv4'
      ? { host: '192.168.206.0/24', pod: '172.30.0.0/16', service: '172.29.0.0/16' }
      : { host: 'fd30::/64', pod: 'fd31::/64', service: 'fd32::/112' }
  return {
    name,
    system_mode: 'simplex',
    software_version: '24.09',
    management_subnet: pick('mgmt'),
    management_start_address: pick('mgmtStart'),
    management_end_address: pick('mgmtEnd'),
    management_gateway_address: pick('mgmtGateway'),
    systemcontroller_gateway_address: gateway,
    external_oam_subnet: pick('oam'),
    external_oam_gateway_address: pick('oamGateway'),
    external_oam_floating_address: pick('oamFloating'),
    cluster_host_subnet: cluster.host,
    cluster_pod_subnet: cluster.pod,
    cluster_service_subnet: cluster.service,
  }
}

/** Values as YAML, every value a quoted string. */
export function valuesYaml(values: FlatValues): string {
  return stringify(values, { defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN' })
}
