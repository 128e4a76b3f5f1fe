// Plans and sites for the network-plan tests: the issue's plan files and IPv6 single-stack subclouds
// built by initialState from bootstrap values, as an agent persists them.
import type { SystemMode, SystemState } from '../src/index.js'
import { initialState } from '../src/index.js'
import { IPV6_BOOTSTRAP, SEED_BOOTSTRAP, validValues } from './bootstrap-fixtures.js'

/** The add plan of issue 12, verbatim. */
export const ISSUE_PLAN = `add:
  oam:             { allocate_from: 10.64.0.0/12, prefix: 24 }   # one subnet per subcloud, unique in the fleet
  cluster-host:    { allocate_from: 10.128.0.0/12, prefix: 24 }
  cluster-pod:     { subnet: 172.16.0.0/16 }                      # the same on every subcloud
  cluster-service: { subnet: 10.96.0.0/12 }
subclouds:                                                       # optional per-subcloud values
  subcloud7: { oam: { subnet: 10.20.7.0/24 } }
`

/** The seed's revert, as a plan. */
export const REMOVE_PLAN = 'remove: [cluster-service, cluster-pod, cluster-host, oam]\n'

const UUID = '7d3e1f0a-2b4c-4d5e-8f60-718293a4b5c6'

/** An IPv6 single-stack subcloud after bootstrap, in `mode`. */
export function ipv6Site(mode: SystemMode): SystemState {
  return initialState(validValues({ ...IPV6_BOOTSTRAP, system_mode: mode }), { uuid: UUID })
}

/** The seed's dual-stack bootstrap (IPv6 primary, IPv4 secondary on OAM and the cluster networks). */
export function dualStackSite(): SystemState {
  return initialState(validValues(SEED_BOOTSTRAP), { uuid: UUID })
}

/** Hosts with configuration pending (250.001), as the controller reads them from a Describe. */
export function outOfDate(state: SystemState): string[] {
  return state.hosts.filter((h) => !h.configUpToDate).map((h) => h.hostname)
}
