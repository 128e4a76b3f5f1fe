import { parseCidr, parseIp } from './address.js'
import type { Cidr, Family, IpAddress } from './address.js'
import { bootstrapKey } from './bootstrap-networks.js'
import type {
  BootstrapAddressField,
  BootstrapNetworkId,
  BootstrapPool,
  NetworkRule,
} from './bootstrap-networks.js'
import { parseDualStack } from './bootstrap-reader.js'
import type { BootstrapReader } from './bootstrap-reader.js'
import type { SystemMode } from './system-state.js'

/** Network parse outcome: subnets when they parsed, pools when every value of the network did. */
export interface ParsedNetwork {
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
  r: BootstrapReader,
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

export function readNetwork(
  r: BootstrapReader,
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

/** The family of a network's primary subnet; undefined when it has none or it did not parse. */
export function primaryFamily(n: ParsedNetwork | undefined): Family | undefined {
  return n?.subnets?.[0]?.family
}
