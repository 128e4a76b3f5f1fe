/**
 * The multi-site dual-stack testbed: the topology file's types and loader (which the compose
 * generator shares), and the `pnpm testbed` commands building it in Linux network namespaces.
 *
 * @example
 * const topology = await loadTopology('testbed/topology.yml')
 * for (const site of topology.sites) console.log(site.name, site.role, site.link.ipv6.address)
 */
export { loadTopology, parseTopology } from './parse-topology.js'
export { TopologyError } from './topology-error.js'
export type {
  CentralSite,
  ControllerTiming,
  GeoSettings,
  HeartbeatFailurePolicy,
  LinkAddress,
  LinkFamily,
  SiteLink,
  SiteRole,
  SubcloudExpectation,
  SubcloudSite,
  TestbedPorts,
  TestbedSite,
  Topology,
  TopologyValues,
  WitnessSite,
} from './topology.js'
export { renderCompose, COMPOSE_RUN_DIR } from './compose/render-compose.js'
