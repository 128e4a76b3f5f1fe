import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { apply } from '../src/apply.js'
import { bootstrapCommands, initialState } from '../src/initial-state.js'
import { findNetwork, poolsOfNetwork } from '../src/state-queries.js'
import type { SystemState } from '../src/system-state.js'
import { IPV4_BOOTSTRAP, IPV6_BOOTSTRAP, SEED_BOOTSTRAP, validValues } from './bootstrap-fixtures.js'

const UUID = '5f0c4a7e-1d2b-4c3d-8e9f-0a1b2c3d4e5f'

/** `system network-addrpool-list` as network name -> pool names, primary first. */
function addrpoolList(state: SystemState): Record<string, string[]> {
  return Object.fromEntries(
    state.networks.map((n) => [n.name, poolsOfNetwork(state, n.uuid).map((p) => p.name)]),
  )
}

const Initial = suite('initialState')

Initial(
  "initialState - builds the seed's networks with the names, types and families of its network-list",
  () => {
    const state = initialState(validValues(SEED_BOOTSTRAP), { uuid: UUID })
    assert.equal(
      state.networks.map((n) => [n.name, n.type, n.dynamic, n.primaryPoolFamily]),
      [
        ['mgmt', 'mgmt', true, 'IPv6'],
        ['pxeboot', 'pxeboot', true, 'IPv4'],
        ['oam', 'oam', false, 'IPv6'],
        ['multicast', 'multicast', false, 'IPv6'],
        ['cluster-host', 'cluster-host', true, 'IPv6'],
        ['cluster-pod', 'cluster-pod', false, 'IPv6'],
        ['cluster-service', 'cluster-service', false, 'IPv6'],
      ],
    )
    assert.equal(addrpoolList(state), {
      mgmt: ['management-ipv6'],
      pxeboot: ['pxeboot'],
      oam: ['oam-ipv6', 'oam-ipv4'],
      multicast: ['multicast-subnet-ipv6'],
      'cluster-host': ['cluster-host-subnet-ipv6', 'cluster-host-subnet-ipv4'],
      'cluster-pod': ['cluster-pod-subnet-ipv6', 'cluster-pod-subnet-ipv4'],
      'cluster-service': ['cluster-service-subnet-ipv6', 'cluster-service-subnet-ipv4'],
    })
    assert.ok(state.initialConfigComplete)
    assert.ok(state.kubernetesDualStack, 'all three cluster networks are dual-stack')
    assert.equal(
      state.hosts.map((h) => h.hostname),
      ['controller-0'],
    )
  },
)

Initial("initialState - stores the seed's OAM and management pools as addrpool-list shows them", () => {
  const state = initialState(validValues(SEED_BOOTSTRAP), { uuid: UUID })
  const pool = (name: string) => state.pools.find((p) => p.name === name)
  assert.equal(pool('oam-ipv4'), {
    ...pool('oam-ipv4'),
    network: '10.20.2.0',
    prefix: 24,
    family: 'IPv4',
    ranges: [['10.20.2.1', '10.20.2.254']],
    floatingAddress: '10.20.2.3',
    gatewayAddress: '10.20.2.1',
    controller0Address: null,
    controller1Address: null,
  })
  assert.equal(
    [pool('management-ipv6')?.ranges, pool('management-ipv6')?.floatingAddress],
    [[['fd01::2', 'fd01::ffff']], 'fd01::2'],
  )
  assert.equal(pool('multicast-subnet-ipv6')?.ranges, [['ff08::1:1:1', 'ff08::1:1:e']])
})

Initial("initialState - derived IPv6 ranges end at subnet[-2], as the seed's addrpool-list shows", () => {
  const state = initialState(validValues(IPV6_BOOTSTRAP), { uuid: UUID })
  const ranges = Object.fromEntries(state.pools.map((p) => [p.name, p.ranges.map((r) => r.join('-'))]))
  assert.equal(ranges, {
    'management-ipv6': ['fd01::1-fd01::ffff:ffff:ffff:fffe'],
    pxeboot: ['169.254.202.1-169.254.202.254'],
    'oam-ipv6': ['fd00::1-fd00::ffff:ffff:ffff:fffe'],
    'multicast-subnet-ipv6': ['ff08::1:1:1-ff08::1:1:e'],
    'cluster-host-subnet-ipv6': ['fd02::1-fd02::ffff:ffff:ffff:fffe'],
    'cluster-pod-subnet-ipv6': ['fd03::1-fd03::ffff:ffff:ffff:fffe'],
    'cluster-service-subnet-ipv6': ['fd04::1-fd04::fffe'],
  })
})

Initial('initialState - gives both controllers their addresses on duplex', () => {
  const state = initialState(validValues({ ...SEED_BOOTSTRAP, system_mode: 'duplex' }), { uuid: UUID })
  const oam = state.pools.find((p) => p.name === 'oam-ipv6')
  const host = state.pools.find((p) => p.name === 'cluster-host-subnet-ipv4')
  assert.equal(
    [oam?.controller0Address, oam?.controller1Address, host?.controller0Address, host?.controller1Address],
    ['fd00::4', 'fd00::5', '192.168.205.2', '192.168.205.3'],
  )
  assert.equal(
    state.hosts.map((h) => h.hostname),
    ['controller-0', 'controller-1'],
  )
})

Initial('initialState - builds a single-stack IPv4 system from the shipped defaults', () => {
  const state = initialState(validValues(IPV4_BOOTSTRAP), { uuid: UUID, name: 'site-a' })
  assert.ok(Object.values(addrpoolList(state)).every((pools) => pools.length === 1))
  assert.ok(state.networks.every((n) => n.primaryPoolFamily === 'IPv4'))
  assert.not.ok(state.kubernetesDualStack)
  assert.equal([state.name, state.softwareVersion], ['site-a', '25.09'])
})

Initial('initialState - adds admin and system-controller networks on a subcloud', () => {
  const values = validValues({
    name: 'subcloud1',
    distributed_cloud_role: 'subcloud',
    software_version: '24.09',
    admin_subnet: '192.168.210.0/24',
    admin_start_address: '192.168.210.2',
    admin_end_address: '192.168.210.20',
    admin_gateway_address: '192.168.210.1',
    system_controller_subnet: '192.168.104.0/24',
    system_controller_floating_address: '192.168.104.2',
    system_controller_oam_subnet: '10.10.10.0/24',
    system_controller_oam_floating_address: '10.10.10.3',
  })
  const state = initialState(values, { uuid: UUID })
  assert.equal(
    state.networks.slice(-3).map((n) => n.name),
    ['system-controller', 'system-controller-oam', 'admin'],
  )
  assert.equal(addrpoolList(state).admin, ['admin-ipv4'])
  assert.equal(
    [state.name, state.softwareVersion, state.distributedCloudRole],
    ['subcloud1', '24.09', 'subcloud'],
  )
  assert.is(findNetwork(state, 'system-controller-oam')?.primaryPoolFamily, 'IPv4')
})

Initial('initialState - leaves a state where runtime rules apply', () => {
  const state = initialState(validValues(SEED_BOOTSTRAP), { uuid: UUID })
  const refused = apply(state, { kind: 'network-delete', network: 'oam' })
  assert.not.ok(refused.ok)
})

const Commands = suite('bootstrapCommands')

Commands(
  "bootstrapCommands - follows populate_initial_config's order, each secondary after its primary",
  () => {
    const commands = bootstrapCommands(validValues(SEED_BOOTSTRAP))
    assert.equal(
      commands.map((c) =>
        c.kind === 'addrpool-add'
          ? `add ${c.name}`
          : c.kind === 'network-add'
            ? `network ${c.name} ${c.pool}`
            : c.kind === 'network-addrpool-assign'
              ? `assign ${c.network} ${c.pool}`
              : c.kind,
      ),
      [
        'add management-ipv6',
        'network mgmt management-ipv6',
        'add pxeboot',
        'network pxeboot pxeboot',
        'add oam-ipv6',
        'network oam oam-ipv6',
        'add oam-ipv4',
        'assign oam oam-ipv4',
        'add multicast-subnet-ipv6',
        'network multicast multicast-subnet-ipv6',
        'add cluster-host-subnet-ipv6',
        'network cluster-host cluster-host-subnet-ipv6',
        'add cluster-host-subnet-ipv4',
        'assign cluster-host cluster-host-subnet-ipv4',
        'add cluster-pod-subnet-ipv6',
        'network cluster-pod cluster-pod-subnet-ipv6',
        'add cluster-pod-subnet-ipv4',
        'assign cluster-pod cluster-pod-subnet-ipv4',
        'add cluster-service-subnet-ipv6',
        'network cluster-service cluster-service-subnet-ipv6',
        'add cluster-service-subnet-ipv4',
        'assign cluster-service cluster-service-subnet-ipv4',
      ],
    )
  },
)

Initial.run()
Commands.run()
