/**
 * The demo's sites: a dual-stack IPv6-primary system controller and three subclouds. Platform
 * addresses are configuration only (ULA and private ranges); every process listens on loopback.
 */

/** One demo subcloud: its bootstrap values and how its agent listens. */
export interface DemoSubcloud {
  readonly name: string
  readonly summary: string
  readonly values: Readonly<Record<string, string>>
  /** Loopback hosts the agent listens on, primary first. */
  readonly listenHosts: readonly ('::1' | '127.0.0.1')[]
  /** Whether the controller is expected to refuse it. */
  readonly refused: boolean
}

export const DEMO_CONTROLLER_VALUES: Readonly<Record<string, string>> = {
  name: 'central',
  system_mode: 'duplex',
  distributed_cloud_role: 'systemcontroller',
  software_version: '24.09',
  management_subnet: 'fd01:1::/64,192.168.101.0/24',
  management_start_address: 'fd01:1::2,192.168.101.2',
  management_end_address: 'fd01:1::ff,192.168.101.200',
  external_oam_subnet: 'fd00:1::/64,10.10.1.0/24',
  external_oam_gateway_address: 'fd00:1::1,10.10.1.1',
  external_oam_floating_address: 'fd00:1::2,10.10.1.2',
  cluster_host_subnet: 'fd02:1::/64',
  cluster_pod_subnet: 'fd03:1::/64',
  cluster_service_subnet: 'fd04:1::/112',
}

function subcloudValues(index: number, dualStack: 'IPv6' | 'IPv6,IPv4' | 'IPv4'): Record<string, string> {
  const v6 = {
    mgmt: `fd01:1${index}::/64`,
    start: `fd01:1${index}::2`,
    end: `fd01:1${index}::50`,
    gw: `fd01:1${index}::1`,
    sc: 'fd01:1::1',
    oam: `fd00:1${index}::/64`,
    oamGw: `fd00:1${index}::1`,
    oamFloat: `fd00:1${index}::2`,
  }
  const v4 = {
    mgmt: `192.168.11${index}.0/24`,
    start: `192.168.11${index}.2`,
    end: `192.168.11${index}.50`,
    gw: `192.168.11${index}.1`,
    sc: '192.168.101.1',
    oam: `10.10.1${index}.0/24`,
    oamGw: `10.10.1${index}.1`,
    oamFloat: `10.10.1${index}.2`,
  }
  const pick = (key: keyof typeof v6): string =>
    dualStack === 'IPv6' ? v6[key] : dualStack === 'IPv4' ? v4[key] : `${v6[key]},${v4[key]}`
  const cluster =
    dualStack === 'IPv4'
      ? { host: `192.168.20${index}.0/24`, pod: `172.1${index}.0.0/16`, service: `10.9${index}.0.0/16` }
      : { host: `fd02:1${index}::/64`, pod: `fd03:1${index}::/64`, service: `fd04:1${index}::/112` }
  return {
    name: `subcloud${index}`,
    system_mode: 'simplex',
    software_version: '24.09',
    management_subnet: pick('mgmt'),
    management_start_address: pick('start'),
    management_end_address: pick('end'),
    management_gateway_address: pick('gw'),
    systemcontroller_gateway_address: pick('sc'),
    external_oam_subnet: pick('oam'),
    external_oam_gateway_address: pick('oamGw'),
    external_oam_floating_address: pick('oamFloat'),
    cluster_host_subnet: cluster.host,
    cluster_pod_subnet: cluster.pod,
    cluster_service_subnet: cluster.service,
  }
}

export const DEMO_SUBCLOUDS: readonly DemoSubcloud[] = [
  {
    name: 'subcloud1',
    summary: 'IPv6 single-stack',
    values: subcloudValues(1, 'IPv6'),
    listenHosts: ['::1'],
    refused: false,
  },
  {
    name: 'subcloud2',
    summary: 'dual-stack, IPv6 primary (agent also listens on its IPv4 secondary)',
    values: subcloudValues(2, 'IPv6,IPv4'),
    listenHosts: ['::1', '127.0.0.1'],
    refused: false,
  },
  {
    name: 'subcloud3',
    summary: 'IPv4 primary',
    values: subcloudValues(3, 'IPv4'),
    listenHosts: ['127.0.0.1'],
    refused: true,
  },
]

/** YAML of flat string values: every value quoted, so `24.09` stays text. */
export function valuesYaml(values: Readonly<Record<string, string>>): string {
  return Object.entries(values)
    .map(([key, value]) => `${key}: ${JSON.stringify(value)}`)
    .join('\n')
    .concat('\n')
}
