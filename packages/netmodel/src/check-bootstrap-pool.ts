import type { Cidr, IpAddress } from './address.js'
import { bootstrapKey } from './bootstrap-networks.js'
import type { BootstrapAddressField, BootstrapPool, NetworkRule } from './bootstrap-networks.js'
import type { BootstrapReader } from './bootstrap-reader.js'
import type { SystemMode } from './system-state.js'

/**
 * Every check of one family of one network, in bootstrap's order: the range rules of
 * `validate_address_range.yml`, then sysinv's rules for the addresses it will store.
 */
export function checkBootstrapPool(
  r: BootstrapReader,
  rule: NetworkRule,
  pool: BootstrapPool,
  mode: SystemMode,
): void {
  checkRange(r, rule, pool, mode)
  checkAddresses(r, rule, pool, mode)
}

/** Range checks of `validate_address_range.yml`, for one family of one network. */
function checkRange(r: BootstrapReader, rule: NetworkRule, pool: BootstrapPool, mode: SystemMode): void {
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
function checkAddresses(r: BootstrapReader, rule: NetworkRule, pool: BootstrapPool, mode: SystemMode): void {
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
