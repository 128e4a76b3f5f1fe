import { BlockList, isIP } from 'node:net'
import { InsecureBindingError } from './tls-errors.js'
import type { PlaintextService } from './tls-errors.js'

const LOOPBACK = new BlockList()
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4')
LOOPBACK.addAddress('::1', 'ipv6')

/**
 * True when a listen address (`host:port`, `[v6]:port`, a bare host, or a grpc-js `unix:` path) is
 * reachable from this host only: 127.0.0.0/8, ::1 (also as ::ffff:127.x), `localhost`, or a Unix
 * socket. Wildcards (`0.0.0.0`, `[::]`) and any other name are not loopback.
 */
export function isLoopbackAddress(address: string): boolean {
  if (address.startsWith('unix:')) return true
  const host = listenHost(address).toLowerCase()
  if (host === 'localhost') return true
  const family = isIP(host)
  // BlockList matches an IPv4-mapped IPv6 address against the IPv4 rules itself.
  return family !== 0 && LOOPBACK.check(host, family === 4 ? 'ipv4' : 'ipv6')
}

/** What anyone who reaches a plaintext server can do, for the `--insecure` warning. */
const EXPOSURE: Record<PlaintextService, string> = {
  gRPC: 'call every RPC',
  metrics: 'read the metrics',
  console: 'read the whole fleet in the web console',
}

/**
 * The guard a server runs before binding without TLS. Loopback-only addresses need nothing
 * (undefined: the quick start stays free of certificates). A non-loopback address throws
 * {@link InsecureBindingError} unless the operator passed `--insecure`, in which case the warning
 * to log at start is returned. `service` names what is served in both (default gRPC).
 */
export function checkInsecureBinding(
  listenAddresses: readonly string[],
  options: { readonly insecure: boolean; readonly service?: PlaintextService },
): string | undefined {
  const { insecure, service = 'gRPC' } = options
  const exposed = listenAddresses.filter((address) => !isLoopbackAddress(address))
  if (exposed.length === 0) return undefined
  if (!insecure) throw new InsecureBindingError(exposed, service)
  return (
    `WARNING: serving plaintext ${service} without TLS on ${exposed.join(', ')} (--insecure): ` +
    `any host that reaches these addresses can ${EXPOSURE[service]}, unauthenticated`
  )
}

function listenHost(address: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address)
  if (bracketed?.[1] !== undefined) return bracketed[1]
  // One colon: host:port. More than one without brackets: a bare IPv6 address.
  const colons = address.split(':').length - 1
  return colons === 1 ? address.slice(0, address.lastIndexOf(':')) : address
}
