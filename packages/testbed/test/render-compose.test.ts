import { fileURLToPath } from 'node:url'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { parse } from 'yaml'
import { hostInSubnet } from '../src/compose/compose-addresses.js'
import { linkAddress } from '../src/link-address.js'
import { loadTopology, renderCompose } from '../src/index.js'

const FILE = fileURLToPath(new URL('../../../testbed/topology.yml', import.meta.url))
const test = suite('renderCompose')

interface Service {
  networks?: Record<string, { ipv6_address: string; ipv4_address: string }>
  network_mode?: string
  command?: string[]
}

test('hostInSubnet - counts hosts from the subnet start in both families, and refuses past its end', () => {
  assert.is(hostInSubnet(linkAddress('x', 'ipv6', 'fd10:0:2::2/64'), 10), 'fd10:0:2::a')
  assert.is(hostInSubnet(linkAddress('x', 'ipv4', '192.0.2.18/28'), 10), '192.0.2.26')
  assert.throws(() => hostInSubnet(linkAddress('x', 'ipv4', '192.0.2.18/28'), 15), /has no host 15/)
})

test('renderCompose - each site at its topology address; central sites join every site they talk to', async () => {
  const topology = await loadTopology(FILE)
  const text = renderCompose(topology)
  assert.is(renderCompose(topology), text, 'deterministic')
  const { services } = parse(text) as { services: Record<string, Service> }
  for (const site of topology.sites) {
    const own = services[site.name]?.networks?.[site.name]
    assert.equal(own, { ipv6_address: site.link.ipv6.address, ipv4_address: site.link.ipv4.address })
  }
  const joinedByA = Object.keys(services['site-a']?.networks ?? {})
  assert.equal(
    joinedByA,
    topology.sites.map((s) => s.name),
    'site A reaches every site on-link',
  )
  assert.equal(Object.keys(services['witness']?.networks ?? {}), ['witness', 'site-a', 'site-b'])
  assert.equal(Object.keys(services['subcloud1']?.networks ?? {}), ['subcloud1'])
  assert.is(services['nats-witness']?.network_mode, 'service:witness')
  const addresses = Object.values(services).flatMap((s) =>
    Object.values(s.networks ?? {}).flatMap((n) => [n.ipv6_address, n.ipv4_address]),
  )
  assert.is(new Set(addresses).size, addresses.length, 'no address used twice')
})

test.run()
