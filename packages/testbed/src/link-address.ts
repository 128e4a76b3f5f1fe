import ipaddr from 'ipaddr.js'
import type { LinkAddress, LinkFamily } from './topology.js'
import { TopologyError } from './topology-error.js'

const ULA = ipaddr.parseCIDR('fd00::/8')
/** RFC 5737: the only IPv4 ranges a testbed may use. */
const DOCUMENTATION = ['192.0.2.0/24', '198.51.100.0/24', '203.0.113.0/24'].map((c) => ipaddr.parseCIDR(c))

/**
 * A site's link address of `family`: ULA for IPv6, a documentation range for IPv4, room for the
 * router's first host, and not that first host itself.
 */
export function linkAddress(key: string, family: LinkFamily, text: string): LinkAddress {
  let parsed: [ipaddr.IPv4 | ipaddr.IPv6, number]
  try {
    parsed = ipaddr.parseCIDR(text)
  } catch {
    throw new TopologyError(
      key,
      `must be an address with prefix length, e.g. ${example(family)}; got '${text}'`,
    )
  }
  const [address, prefixLength] = parsed
  if (address.kind() !== family) {
    throw new TopologyError(key, `must be an ${family === 'ipv6' ? 'IPv6' : 'IPv4'} address, got '${text}'`)
  }
  if (family === 'ipv6' ? !address.match(ULA) : !DOCUMENTATION.some((range) => address.match(range))) {
    const ranges =
      family === 'ipv6' ? 'the ULA range fd00::/8' : '192.0.2.0/24, 198.51.100.0/24 or 203.0.113.0/24'
    throw new TopologyError(key, `${text} is outside ${ranges}`)
  }
  const smallest = family === 'ipv6' ? 64 : 24
  const largest = family === 'ipv6' ? 126 : 30
  if (prefixLength < smallest || prefixLength > largest) {
    throw new TopologyError(
      key,
      `prefix length must be between ${smallest} and ${largest}, got ${prefixLength}`,
    )
  }
  const network = networkOf(text)
  const gateway = firstHost(text)
  const subnet = `${network}/${prefixLength}`
  const own = address.toString()
  if (own === gateway)
    throw new TopologyError(key, `${own} is the router's address on ${subnet}; pick another host`)
  if (own === network) throw new TopologyError(key, `${own} is the network address of ${subnet}`)
  return { cidr: `${own}/${prefixLength}`, address: own, prefixLength, subnet, gateway }
}

function networkOf(cidr: string): string {
  const [address] = ipaddr.parseCIDR(cidr)
  return (
    address.kind() === 'ipv6'
      ? ipaddr.IPv6.networkAddressFromCIDR(cidr)
      : ipaddr.IPv4.networkAddressFromCIDR(cidr)
  ).toString()
}

/** The first host address of the subnet of `cidr` (a valid address with prefix length). */
export function firstHost(cidr: string): string {
  const bytes = ipaddr.parse(networkOf(cidr)).toByteArray()
  // The network address has every host bit clear, so adding one never carries.
  bytes[bytes.length - 1]! += 1
  return ipaddr.fromByteArray(bytes).toString()
}

/** Whether two link subnets share an address. */
export function subnetsOverlap(a: LinkAddress, b: LinkAddress): boolean {
  const [addressA, lengthA] = ipaddr.parseCIDR(a.subnet)
  const [addressB, lengthB] = ipaddr.parseCIDR(b.subnet)
  if (addressA.kind() !== addressB.kind()) return false
  return lengthA <= lengthB ? addressB.match(addressA, lengthA) : addressA.match(addressB, lengthB)
}

function example(family: LinkFamily): string {
  return family === 'ipv6' ? 'fd10:0:1::2/64' : '192.0.2.2/28'
}
