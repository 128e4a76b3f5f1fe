import { readFile } from 'node:fs/promises'
import { parse } from 'yaml'
import { linkAddress, subnetsOverlap } from './link-address.js'
import { TopologyError } from './topology-error.js'
import { MappingReader } from './topology-reader.js'
import type {
  GeoSettings,
  LinkFamily,
  SiteLink,
  TestbedPorts,
  TestbedSite,
  Topology,
  TopologyValues,
} from './topology.js'

/** Site and router names become namespace and interface names, which Linux caps at 15 bytes. */
const NAME = /^[a-z][a-z0-9-]{0,9}$/
const FAMILIES: readonly LinkFamily[] = ['ipv6', 'ipv4']

/**
 * Parses and checks a topology document (see `testbed/topology.yml`). Throws {@link TopologyError}
 * naming the first key that breaks a rule.
 */
export function parseTopology(text: string): Topology {
  let document: unknown
  try {
    document = parse(text)
  } catch (error) {
    throw new TopologyError('', `not YAML: ${error instanceof Error ? error.message : String(error)}`)
  }
  const top = new MappingReader('', document, ['version', 'router', 'ports', 'controller', 'geo', 'sites'])
  if (top.raw('version') !== 1) throw new TopologyError('version', 'must be 1')
  const router = { name: top.mappingAt('router', ['name']).string('name', NAME) }
  const ports = portsOf(
    top.mappingAt('ports', ['controller', 'agent', 'natsClient', 'natsCluster', 'postgres']),
  )
  const timing = top.mappingAt('controller', ['auditIntervalMs', 'offlineAfterMisses'])
  const controller = {
    auditIntervalMs: timing.integer('auditIntervalMs', 50, 3_600_000),
    offlineAfterMisses: timing.integer('offlineAfterMisses', 1, 100),
  }
  const sites = top.list('sites').map((raw, i) => siteOf(`sites[${i}]`, raw))
  checkSites(sites, router.name)
  const geo = geoOf(top.mappingAt('geo', GEO_KEYS), sites)
  return { version: 1, router, ports, controller, geo, sites }
}

/** Reads and parses the topology file at `path`; a read error names the file. */
export async function loadTopology(path: string): Promise<Topology> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    throw new TopologyError(
      '',
      `cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
    )
  }
  return parseTopology(text)
}

function portsOf(reader: MappingReader): TestbedPorts {
  const port = (field: string): number => reader.integer(field, 1, 65_535)
  return {
    controller: port('controller'),
    agent: port('agent'),
    natsClient: port('natsClient'),
    natsCluster: port('natsCluster'),
    postgres: port('postgres'),
  }
}

const SITE_KEYS = ['name', 'role', 'nats', 'link', 'values', 'expect', 'listen']

function siteOf(key: string, raw: unknown): TestbedSite {
  const site = new MappingReader(key, raw, SITE_KEYS)
  const name = site.string('name', NAME)
  const role = site.oneOf('role', ['central', 'witness', 'subcloud'] as const)
  const allowed =
    role === 'subcloud' ? ['expect', 'listen', 'values'] : role === 'central' ? ['nats', 'values'] : ['nats']
  const stray = SITE_KEYS.slice(3).find((k) => !allowed.includes(k) && k !== 'link' && site.has(k))
  if (stray !== undefined) throw new TopologyError(site.at(stray), `does not apply to a ${role} site`)
  const link = linkOf(site.mappingAt('link', FAMILIES))
  switch (role) {
    case 'central': {
      const values = valuesOf(site)
      const nats = site.has('nats') && site.boolean('nats')
      return { role, name, link, nats, systemName: values.name, values }
    }
    case 'witness':
      if (!site.boolean('nats'))
        throw new TopologyError(site.at('nats'), 'a witness site exists to run a NATS node')
      return { role, name, link, nats: true }
    case 'subcloud': {
      const values = valuesOf(site)
      return {
        role,
        name,
        link,
        nats: false,
        expect: site.oneOf('expect', ['accepted', 'refused'] as const),
        listen: listenOf(site),
        systemName: values.name,
        values,
      }
    }
  }
}

/** Bootstrap values, which must name the system. */
function valuesOf(site: MappingReader): TopologyValues & { readonly name: string } {
  const values = site.strings('values')
  const name = values.name
  if (name === undefined || name === '') throw new TopologyError(`${site.at('values')}.name`, 'is required')
  return { ...values, name }
}

function linkOf(link: MappingReader): SiteLink {
  return {
    ipv6: linkAddress(link.at('ipv6'), 'ipv6', link.string('ipv6')),
    ipv4: linkAddress(link.at('ipv4'), 'ipv4', link.string('ipv4')),
  }
}

function listenOf(site: MappingReader): readonly LinkFamily[] {
  const families = site.list('listen')
  families.forEach((family, i) => {
    if (typeof family !== 'string' || !(FAMILIES as readonly string[]).includes(family)) {
      throw new TopologyError(
        `${site.at('listen')}[${i}]`,
        `must be ipv6 or ipv4, got ${JSON.stringify(family)}`,
      )
    }
    if (families.indexOf(family) !== i)
      throw new TopologyError(`${site.at('listen')}[${i}]`, `${family} is listed twice`)
  })
  return families as readonly LinkFamily[]
}

function checkSites(sites: readonly TestbedSite[], routerName: string): void {
  sites.forEach((site, i) => {
    const key = `sites[${i}]`
    if (site.name === routerName) throw new TopologyError(`${key}.name`, `${site.name} is the router's name`)
    const earlier = sites.findIndex((other) => other.name === site.name)
    if (earlier !== i)
      throw new TopologyError(`${key}.name`, `${site.name} is also the name of sites[${earlier}]`)
    for (const family of FAMILIES) {
      const clash = sites.findIndex(
        (other, j) => j < i && subnetsOverlap(other.link[family], site.link[family]),
      )
      if (clash !== -1) {
        throw new TopologyError(
          `${key}.link.${family}`,
          `${site.link[family].subnet} overlaps the link of sites[${clash}]`,
        )
      }
    }
  })
  if (!sites.some((s) => s.role === 'central'))
    throw new TopologyError('sites', 'needs at least one central site')
  const natsNodes = sites.filter((s) => s.nats).length
  if (natsNodes % 2 === 0) {
    throw new TopologyError(
      'sites',
      `runs ${natsNodes} NATS nodes; an odd number keeps a majority on one side of a split`,
    )
  }
}

const GEO_KEYS = [
  'leader',
  'peerGroup',
  'heartbeatFailurePolicy',
  'heartbeatIntervalMs',
  'maintenanceTimeoutMs',
]

function geoOf(geo: MappingReader, sites: readonly TestbedSite[]): GeoSettings {
  const leader = geo.string('leader')
  if (sites.find((s) => s.name === leader)?.role !== 'central') {
    throw new TopologyError(geo.at('leader'), `must name a central site, got '${leader}'`)
  }
  return {
    leader,
    peerGroup: geo.string('peerGroup', /^[A-Za-z0-9][A-Za-z0-9_.-]{0,254}$/),
    heartbeatFailurePolicy: geo.oneOf('heartbeatFailurePolicy', ['rehome', 'alarm'] as const),
    heartbeatIntervalMs: geo.integer('heartbeatIntervalMs', 50, 600_000),
    maintenanceTimeoutMs: geo.integer('maintenanceTimeoutMs', 100, 3_600_000),
  }
}
