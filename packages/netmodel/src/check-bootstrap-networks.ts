import { OVERLAP_ALLOWED, bootstrapKey } from './bootstrap-networks.js'
import type { BootstrapNetworkId } from './bootstrap-networks.js'
import type { BootstrapReader } from './bootstrap-reader.js'
import { primaryFamily } from './read-network.js'
import type { ParsedNetwork } from './read-network.js'
import type { DistributedCloudRole, SystemMode } from './system-state.js'

/** The rules across networks, in bootstrap's order: families, management, then overlaps. */
export function checkBootstrapNetworks(
  r: BootstrapReader,
  nets: ReadonlyMap<BootstrapNetworkId, ParsedNetwork>,
  mode: SystemMode,
  role: DistributedCloudRole,
): void {
  checkFamilies(r, nets)
  checkManagement(r, nets, mode, role)
  checkOverlaps(r, [...nets.values()])
}

/** Family rules of `validate-config` across networks. */
function checkFamilies(r: BootstrapReader, nets: ReadonlyMap<BootstrapNetworkId, ParsedNetwork>): void {
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
  r: BootstrapReader,
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
function checkOverlaps(r: BootstrapReader, nets: readonly ParsedNetwork[]): void {
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
