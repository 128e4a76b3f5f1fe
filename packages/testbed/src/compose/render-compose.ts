import { stringify } from 'yaml'
import type { CentralSite, SubcloudSite, TestbedSite, Topology } from '../topology.js'
import { guestHost, hostInSubnet } from './compose-addresses.js'

/** Where the one-shot `init` service writes certificates, NATS configs and values, per site. */
export const COMPOSE_RUN_DIR = '/etc/dc/run'
const CONTROLLER_IMAGE = 'dual-stack-dc/controller:dev'
const AGENT_IMAGE = 'dual-stack-dc/agent:dev'
const NATS_IMAGE = 'nats:2.10-alpine'
const POSTGRES_IMAGE = 'postgres:16-bookworm'
/** The testbed's own database password, private to the compose project. */
const POSTGRES_PASSWORD = 'testbed-only'

type Service = Record<string, unknown>
type Attachments = Record<string, { ipv6_address: string; ipv4_address: string }>

const build = (dockerfile: string): Service => ({ context: '..', dockerfile: `docker/${dockerfile}` })
const hostPort = (address: string, port: number): string =>
  address.includes(':') ? `[${address}]:${port}` : `${address}:${port}`
const runDir = (site: string): string => `${COMPOSE_RUN_DIR}/${site}`
const completed = { init: { condition: 'service_completed_successfully' } }

/**
 * The networks a site's containers join: its own link (at the topology's addresses) and, as a
 * guest, the links of the sites it talks to: a central site every other central or witness site
 * (NATS routes, heartbeats) and every subcloud; the witness the central sites.
 */
function attachments(topology: Topology, site: TestbedSite): Attachments {
  const own = { ipv6_address: site.link.ipv6.address, ipv4_address: site.link.ipv4.address }
  const index = topology.sites.filter((s) => s.role !== 'subcloud').findIndex((s) => s === site)
  const visits = (other: TestbedSite): boolean =>
    other !== site && (site.role === 'central' || (site.role === 'witness' && other.role === 'central'))
  const result: Attachments = { [site.name]: own }
  for (const other of topology.sites.filter(visits)) {
    result[other.name] = {
      ipv6_address: hostInSubnet(other.link.ipv6, guestHost(index)),
      ipv4_address: hostInSubnet(other.link.ipv4, guestHost(index)),
    }
  }
  return result
}

/** The site's network namespace, held by an idle container the site's services share. */
function anchor(topology: Topology, site: TestbedSite): Service {
  return {
    image: CONTROLLER_IMAGE,
    entrypoint: ['node', '-e', 'setInterval(() => {}, 1 << 30)'],
    healthcheck: { disable: true },
    networks: attachments(topology, site),
  }
}

function nats(site: TestbedSite): Service {
  return {
    image: NATS_IMAGE,
    network_mode: `service:${site.name}`,
    command: ['-c', `${runDir(site.name)}/nats.conf`],
    volumes: ['dc-run:/etc/dc/run:ro', `nats-${site.name}:/data`],
    depends_on: { ...completed, [site.name]: { condition: 'service_started' } },
    healthcheck: {
      test: ['CMD', 'wget', '-q', '-O', '/dev/null', 'http://127.0.0.1:8222/healthz?js-enabled-only=true'],
      interval: '5s',
      retries: 12,
    },
  }
}

function postgres(site: CentralSite, port: number): Service {
  return {
    image: POSTGRES_IMAGE,
    network_mode: `service:${site.name}`,
    // On the site's loopback only, as in the namespace testbed.
    command: ['postgres', '-c', 'listen_addresses=127.0.0.1', '-c', `port=${port}`],
    environment: { POSTGRES_USER: 'dc', POSTGRES_PASSWORD, POSTGRES_DB: 'dc' },
    volumes: [`postgres-${site.name}:/var/lib/postgresql/data`],
    depends_on: { [site.name]: { condition: 'service_started' } },
    healthcheck: {
      test: ['CMD', 'pg_isready', '-h', '127.0.0.1', '-p', String(port), '-U', 'dc'],
      interval: '5s',
      retries: 12,
    },
  }
}

function controller(topology: Topology, site: CentralSite): Service {
  const { ports, geo, controller: timing } = topology
  const dir = runDir(site.name)
  const primary = hostPort(site.link.ipv6.address, ports.controller)
  return {
    build: build('controller.Dockerfile'),
    image: CONTROLLER_IMAGE,
    network_mode: `service:${site.name}`,
    command: [
      ...['--listen', `${primary},${hostPort(site.link.ipv4.address, ports.controller)}`],
      ...['--bootstrap-values', `${dir}/values.yml`, '--data-dir', '/var/lib/dc-controller'],
      ...['--audit-interval-ms', String(timing.auditIntervalMs)],
      ...['--offline-after-misses', String(timing.offlineAfterMisses)],
      ...['--nats-url', `tls://${hostPort(site.link.ipv6.address, ports.natsClient)}`],
      ...['--nats-creds', `${dir}/nats.nk`, '--nats-tls-ca', `${dir}/ca.crt`],
      ...['--nats-tls-cert', `${dir}/server.crt`, '--nats-tls-key', `${dir}/server.key`],
      ...['--nats-replicas', '3', '--site-id', site.name],
      ...['--peer-heartbeat-interval-ms', String(geo.heartbeatIntervalMs)],
      ...['--peer-maintenance-timeout-ms', String(geo.maintenanceTimeoutMs)],
    ],
    environment: {
      DC_TLS_DIR: dir,
      DC_HEALTH_TARGET: primary,
      DATABASE_URL: `postgres://dc:${POSTGRES_PASSWORD}@127.0.0.1:${ports.postgres}/dc`,
    },
    volumes: ['dc-run:/etc/dc/run:ro', `controller-${site.name}:/var/lib/dc-controller`],
    depends_on: {
      ...completed,
      [`postgres-${site.name}`]: { condition: 'service_healthy' },
      [`nats-${site.name}`]: { condition: 'service_healthy' },
    },
  }
}

function agent(topology: Topology, site: SubcloudSite): Service {
  const port = topology.ports.agent
  const listen = site.listen.map((family) => hostPort(site.link[family].address, port))
  return {
    build: build('agent.Dockerfile'),
    image: AGENT_IMAGE,
    network_mode: `service:${site.name}`,
    // Primary family first: the agent counts calls per local address, so a secondary-family call shows.
    command: ['--listen', listen.join(','), '--state-dir', '/var/lib/dc-agent'],
    environment: { DC_TLS_DIR: runDir(site.name), DC_HEALTH_TARGET: listen[0] },
    volumes: ['dc-run:/etc/dc/run:ro', `agent-${site.name}:/var/lib/dc-agent`],
    depends_on: { ...completed, [site.name]: { condition: 'service_started' } },
  }
}

function network(site: TestbedSite): Service {
  return {
    enable_ipv6: true,
    ipam: {
      config: [
        { subnet: site.link.ipv6.subnet, gateway: site.link.ipv6.gateway },
        { subnet: site.link.ipv4.subnet, gateway: site.link.ipv4.gateway },
      ],
    },
  }
}

/**
 * `docker/docker-compose.yml` from the testbed topology: per site an idle container holding the
 * site's addresses, whose network namespace the site's services share (as the namespace testbed
 * runs them in one namespace per site); PostgreSQL, a NATS node and a controller per central
 * site, a NATS node at the witness, an agent per subcloud; and a one-shot `init` that issues every
 * certificate with `dc-pki`, the NATS NKEYs and configs, and the controllers' values
 * (`docker/testbed-init.mjs`). Deterministic: the same topology renders the same text.
 */
export function renderCompose(topology: Topology): string {
  const services: Record<string, Service> = {
    init: {
      build: build('controller.Dockerfile'),
      image: CONTROLLER_IMAGE,
      user: 'root',
      entrypoint: ['node', 'docker/testbed-init.mjs', '/etc/dc/topology.yml', COMPOSE_RUN_DIR],
      network_mode: 'none',
      healthcheck: { disable: true },
      volumes: ['../testbed/topology.yml:/etc/dc/topology.yml:ro', 'dc-run:/etc/dc/run'],
    },
  }
  const volumes: Record<string, null> = { 'dc-run': null }
  for (const site of topology.sites) {
    services[site.name] = anchor(topology, site)
    if (site.role === 'central') {
      services[`postgres-${site.name}`] = postgres(site, topology.ports.postgres)
      volumes[`postgres-${site.name}`] = null
      volumes[`controller-${site.name}`] = null
    }
    if (site.nats) {
      services[`nats-${site.name}`] = nats(site)
      volumes[`nats-${site.name}`] = null
    }
    if (site.role === 'central') services[`controller-${site.name}`] = controller(topology, site)
    if (site.role === 'subcloud') {
      services[`agent-${site.name}`] = agent(topology, site)
      volumes[`agent-${site.name}`] = null
    }
  }
  const networks = Object.fromEntries(topology.sites.map((s) => [s.name, network(s)]))
  const header = [
    '# Generated from testbed/topology.yml by `node docker/render-compose.mjs`; do not edit by hand:',
    '# `node docker/render-compose.mjs --check` (run by docker/check.mjs) fails when it drifts.',
    '# See docker/README.md for how to start it.',
  ].join('\n')
  return `${header}\n${stringify({ name: 'dc-testbed', services, networks, volumes }, { lineWidth: 0 })}`
}
