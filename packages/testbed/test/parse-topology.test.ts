import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { parse, stringify } from 'yaml'
import { TopologyError, loadTopology, parseTopology } from '../src/index.js'

const FILE = fileURLToPath(new URL('../../../testbed/topology.yml', import.meta.url))

interface EditableSite {
  name: string
  role: string
  nats?: boolean
  link: Record<string, string>
  listen?: string[]
  values?: Record<string, unknown>
}

interface EditableTopology {
  controller?: unknown
  geo: Record<string, unknown>
  ports: Record<string, unknown>
  sites: EditableSite[]
}

/** The shipped topology with `edit` applied to its parsed document. */
async function edited(edit: (doc: EditableTopology) => void): Promise<string> {
  const doc = parse(await readFile(FILE, 'utf8')) as EditableTopology
  edit(doc)
  return stringify(doc)
}

function refusal(text: string): TopologyError {
  try {
    parseTopology(text)
  } catch (error) {
    if (error instanceof TopologyError) return error
    throw error
  }
  throw new Error('expected the topology to be refused')
}

test('the shipped topology: two central sites, a witness, a three-node NATS cluster, every subcloud kind', async () => {
  const topology = await loadTopology(FILE)
  const roles = topology.sites.map((s) => `${s.name}:${s.role}`)
  assert.equal(roles.slice(0, 3), ['site-a:central', 'site-b:central', 'witness:witness'])
  assert.equal(
    topology.sites.filter((s) => s.nats).map((s) => s.name),
    ['site-a', 'site-b', 'witness'],
  )
  const subclouds = topology.sites.flatMap((s) => (s.role === 'subcloud' ? [s] : []))
  assert.equal(
    subclouds.map((s) => `${s.values.system_mode}:${s.listen.join('+')}:${s.expect}`),
    [
      'simplex:ipv6:accepted',
      'simplex:ipv6+ipv4:accepted',
      'duplex:ipv6+ipv4:accepted',
      'simplex:ipv4+ipv6:refused',
    ],
  )
  assert.equal(topology.geo.leader, 'site-a')
  assert.equal(topology.geo.heartbeatFailurePolicy, 'rehome')
  const a = topology.sites[0]!
  assert.equal(a.link.ipv6, {
    cidr: 'fd10:0:1::2/64',
    address: 'fd10:0:1::2',
    prefixLength: 64,
    subnet: 'fd10:0:1::/64',
    gateway: 'fd10:0:1::1',
  })
  assert.is(a.link.ipv4.gateway, '192.0.2.1')
})

test('every site link address is its OAM floating address, IPv6 first where IPv6 is primary', async () => {
  const topology = await loadTopology(FILE)
  for (const site of topology.sites) {
    if (site.role === 'witness') continue
    const floating = (site.values.external_oam_floating_address ?? '').split(',')
    const primary = site.role === 'subcloud' ? site.listen[0]! : 'ipv6'
    assert.is(floating[0], site.link[primary].address, site.name)
  }
})

test('an address outside ULA or the documentation ranges is refused, naming the key', async () => {
  let error = refusal(await edited((d) => (d.sites[1]!.link.ipv4 = '10.0.0.2/24')))
  assert.is(error.key, 'sites[1].link.ipv4')
  assert.match(error.message, /outside 192\.0\.2\.0\/24, 198\.51\.100\.0\/24 or 203\.0\.113\.0\/24/)
  error = refusal(await edited((d) => (d.sites[0]!.link.ipv6 = '2001:db8::2/64')))
  assert.is(error.key, 'sites[0].link.ipv6')
  assert.match(error.message, /fd00::\/8/)
})

test('the router address, overlapping links and duplicate names are refused', async () => {
  assert.is(
    refusal(await edited((d) => (d.sites[2]!.link.ipv6 = 'fd10:0:3::1/64'))).key,
    'sites[2].link.ipv6',
  )
  const overlap = refusal(await edited((d) => (d.sites[4]!.link.ipv4 = '198.51.100.5/28')))
  assert.is(overlap.key, 'sites[4].link.ipv4')
  assert.match(overlap.message, /overlaps the link of sites\[3\]/)
  assert.is(refusal(await edited((d) => (d.sites[5]!.name = 'subcloud1'))).key, 'sites[5].name')
})

test('unknown keys, wrong types and keys of another role are refused', async () => {
  assert.is(refusal(await edited((d) => (d.geo.leaderr = 'x'))).key, 'geo.leaderr')
  assert.is(refusal(await edited((d) => (d.ports.agent = 'fifty'))).key, 'ports.agent')
  assert.is(refusal(await edited((d) => (d.sites[2]!.values = {}))).key, 'sites[2].values')
  assert.is(refusal(await edited((d) => (d.sites[3]!.listen = ['ipv6', 'ipv6']))).key, 'sites[3].listen[1]')
  assert.is(
    refusal(await edited((d) => (d.sites[3]!.values!.software_version = 24.09))).key,
    'sites[3].values.software_version',
  )
  assert.is(refusal(await edited((d) => (d.geo.leader = 'witness'))).key, 'geo.leader')
  assert.is(refusal(await edited((d) => delete d.controller)).key, 'controller')
})

test('an even number of NATS nodes is refused: a split could leave no majority', async () => {
  const even = refusal(await edited((d) => (d.sites[1]!.nats = false)))
  assert.is(even.key, 'sites')
  assert.match(even.message, /2 NATS nodes/)
})

test('not YAML and a missing file are refused with a message, not a stack', async () => {
  assert.match(refusal('sites: [').message, /^not YAML/)
  try {
    await loadTopology('/nonexistent/topology.yml')
    assert.unreachable()
  } catch (error) {
    assert.instance(error, TopologyError)
    assert.match((error as Error).message, /cannot read \/nonexistent\/topology.yml: ENOENT/)
  }
})

test.run()
