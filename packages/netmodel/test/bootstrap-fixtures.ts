import { parseBootstrapValues } from '../src/bootstrap-values.js'
import type { BootstrapValues } from '../src/bootstrap-values.js'

/** The bootstrap example of the seed (`seed/starlingx-dual-stack-blog.md`), verbatim values. */
export const SEED_BOOTSTRAP: Readonly<Record<string, unknown>> = {
  pxeboot_subnet: '192.168.202.0/24',
  external_oam_subnet: 'fd00::/64,10.20.2.0/24',
  external_oam_gateway_address: 'fd00::1,10.20.2.1',
  external_oam_floating_address: 'fd00::3,10.20.2.3',
  external_oam_node_0_address: 'fd00::4,10.20.2.4',
  external_oam_node_1_address: 'fd00::5,10.20.2.5',
  management_subnet: 'fd01::/64',
  management_start_address: 'fd01::2',
  management_end_address: 'fd01::ffff',
  cluster_host_subnet: 'aefd:205::/64,192.168.205.0/24',
  cluster_pod_subnet: 'aefd:206::/64,172.16.0.0/16',
  cluster_service_subnet: 'aefd:aaa::/112,10.96.0.0/12',
}

/** A single-stack IPv6 file with the example subnets of `spec/dual-stack-rules.md` section 3. */
export const IPV6_BOOTSTRAP: Readonly<Record<string, unknown>> = {
  management_subnet: 'fd01::/64',
  external_oam_subnet: 'fd00::/64',
  external_oam_gateway_address: 'fd00::1',
  external_oam_floating_address: 'fd00::2',
  cluster_host_subnet: 'fd02::/64',
  cluster_pod_subnet: 'fd03::/64',
  cluster_service_subnet: 'fd04::/112',
}

/** A single-stack IPv4 file: StarlingX's shipped defaults, nothing set. */
export const IPV4_BOOTSTRAP: Readonly<Record<string, unknown>> = {}

/** Parse values that must be valid; fails loudly with every error otherwise. */
export function validValues(raw: Readonly<Record<string, unknown>>): BootstrapValues {
  const result = parseBootstrapValues(raw)
  if (!result.ok) throw new Error(result.errors.map((e) => `${e.key}: ${e.message}`).join('\n'))
  return result.values
}
