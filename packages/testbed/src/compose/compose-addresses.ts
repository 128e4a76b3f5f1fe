import ipaddr from 'ipaddr.js'
import type { LinkAddress } from '../topology.js'

/** Host addresses a site that does not own a network takes on it, counted from the subnet's start. */
const GUEST_FIRST_HOST = 10

/**
 * The address `host` hosts into `link`'s subnet: where another site's container joins a site's
 * network (compose networks do not route between each other, so a site reaches the sites it talks
 * to by joining their networks). Throws when the subnet is too small.
 */
export function hostInSubnet(link: LinkAddress, host: number): string {
  const [base = '', prefix = '0'] = link.subnet.split('/')
  const bytes = ipaddr.parse(base).toByteArray()
  const hostBits = bytes.length * 8 - Number(prefix)
  if (hostBits < 31 && host >= 2 ** hostBits - 1) {
    throw new Error(`subnet ${link.subnet} has no host ${host}`)
  }
  let carry = host
  for (let i = bytes.length - 1; i >= 0 && carry > 0; i--) {
    const sum = (bytes[i] ?? 0) + carry
    bytes[i] = sum % 256
    carry = Math.floor(sum / 256)
  }
  return ipaddr.fromByteArray(bytes).toString()
}

/** The host number the `index`-th guest site uses on another site's network. */
export function guestHost(index: number): number {
  return GUEST_FIRST_HOST + index
}
