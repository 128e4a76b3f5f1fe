export {
  Cidr,
  FAMILIES,
  IpAddress,
  IpRange,
  canonicalIp,
  cidrOf,
  familyBits,
  familyOf,
  formatHostPort,
  parseCidr,
  parseHostPort,
  parseIp,
  parseIpv4,
  parseIpv6,
  parseRange,
  tryParseIp,
} from './address.js'
export type { Family, HostPort } from './address.js'
export { AddressSyntaxError, NetModelError } from './errors.js'
export type { ErrorCategory } from './errors.js'
