import { IpRange, subcloudFleetRanges } from '@dc/netmodel'
import type { BootstrapPool, BootstrapValues } from '@dc/netmodel'
import type { Violation } from '../errors.js'
import type { FleetClaim, FleetClashes } from './fleet-registry.js'
import { ViolationList } from './violation-list.js'

/** The network the controller reaches a subcloud on: its primary admin pool, else management. */
export function controlPool(values: BootstrapValues): BootstrapPool | undefined {
  return values.networks.admin[0] ?? values.networks.management[0]
}

/** dcmanager `validate_network_str` sizes for the networks it checks (spec distcloud 2.3). */
export function checkDcmanagerSubnets(values: BootstrapValues, out: ViolationList): void {
  const minControl = values.systemMode === 'simplex' ? 4n : 8n
  const checks: [string, readonly BootstrapPool[], bigint][] = [
    ['management_subnet', values.networks.management, minControl],
    ['admin_subnet', values.networks.admin, minControl],
    ['external_oam_subnet', values.networks.external_oam, 3n],
  ]
  for (const [key, pools, min] of checks) {
    for (const { subnet } of pools) {
      if (subnet.size < min) {
        out.add(
          key,
          'SUBNET_TOO_SMALL',
          `${key} invalid: Subnet too small - must have at least ${min} addresses`,
          'invalid',
        )
      }
      if (subnet.family === 'IPv6' && subnet.prefix < 64) {
        out.add(key, 'IPV6_PREFIX_TOO_SHORT', `${key} invalid: IPv6 minimum prefix length is 64`, 'invalid')
      }
    }
  }
}

/** dcmanager's subnet sizes (spec 2.3) for `values`. */
export function dcmanagerSubnetViolations(values: BootstrapValues): Violation[] {
  const out = new ViolationList()
  checkDcmanagerSubnets(values, out)
  return out.items
}

/** What a subcloud with `values` takes in the fleet; undefined without a name or control network. */
export function fleetClaimOf(values: BootstrapValues): FleetClaim | undefined {
  const control = controlPool(values)
  if (control === undefined || values.name === undefined) return undefined
  return {
    name: values.name,
    ranges: subcloudFleetRanges(values),
    oamNetwork: values.networks.external_oam[0]?.subnet.network,
    storedRange: new IpRange(control.start, control.end),
    managementSubnet: control.subnet,
  }
}

/** The fleet rules' violations (spec 2.3) for a subcloud with `values` that clashes as `clashes` says. */
export function fleetViolations(values: BootstrapValues, clashes: FleetClashes): Violation[] {
  const out = new ViolationList()
  for (const conflict of clashes.ranges) {
    const key = values.networks.admin.some((p) => p.start.equals(conflict.requested.start))
      ? 'admin_start_address'
      : 'management_start_address'
    out.add(
      key,
      'FLEET_RANGE_OVERLAP',
      `Management address range ${conflict.requested.start.toString()}-${conflict.requested.end.toString()} ` +
        `overlaps with that of subcloud ${conflict.owner} (${conflict.range.start.toString()}-${conflict.range.end.toString()})`,
      'conflict',
    )
  }
  // spec 2.3: the OAM network address must not fall inside another subcloud's management subnet.
  const oam = values.networks.external_oam[0]?.subnet
  for (const { owner, subnet } of clashes.subnets) {
    out.add(
      'external_oam_subnet',
      'OAM_SUBNET_OVERLAP',
      `external_oam_subnet invalid: Subnet ${oam?.toString() ?? ''} overlaps with another configured subnet (management subnet ${subnet} of subcloud ${owner})`,
      'conflict',
    )
  }
  return out.items
}
