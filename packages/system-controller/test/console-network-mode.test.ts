import { test } from 'uvu'
import * as assert from 'uvu/assert'
import type { DescribeResponse__Output } from '@dc/protos'
import { keyedDelta } from '../src/console/keyed-delta.js'
import {
  kubernetesDualStackOfValues,
  networkModeOf,
  networksOfDescribe,
  networksOfValues,
} from '../src/console/network-mode.js'
import type { NetworkFamilies } from '../src/console/network-mode.js'
import { NetworkSurvey } from '../src/console/network-survey.js'
import type { Subcloud } from '../src/subclouds/subcloud.js'

const PLAN = ['oam', 'cluster-host', 'cluster-pod', 'cluster-service'] as const
const all = (...families: ('IPv4' | 'IPv6')[]): NetworkFamilies[] =>
  PLAN.map((network) => ({ network, families }))

test('networkModeOf - single-stack, dual-stack by primary family, and everything in between is mixed', () => {
  assert.is(networkModeOf(all('IPv6'), false), 'ipv6')
  assert.is(networkModeOf(all('IPv4'), false), 'ipv4')
  assert.is(networkModeOf(all('IPv6', 'IPv4'), true), 'dual-ipv6-primary')
  assert.is(networkModeOf(all('IPv4', 'IPv6'), true), 'dual-ipv4-primary')
  // Every pool there but Kubernetes not switched yet, or switched back before the pools went.
  assert.is(networkModeOf(all('IPv6', 'IPv4'), false), 'mixed')
  assert.is(networkModeOf(all('IPv6'), true), 'mixed')
  // OAM dual-stack, the cluster networks not yet.
  assert.is(
    networkModeOf([{ network: 'oam', families: ['IPv6', 'IPv4'] }, ...all('IPv6').slice(1)], false),
    'mixed',
  )
  // One family, but not the same on every network.
  assert.is(
    networkModeOf(
      [
        { network: 'oam', families: ['IPv6'] },
        { network: 'cluster-pod', families: ['IPv4'] },
      ],
      false,
    ),
    'mixed',
  )
  assert.is(networkModeOf(all('IPv6').slice(1), false), 'unknown', 'no OAM pool: nothing to tell by')
})

test('networksOfValues - families of the stored bootstrap values, primary first; Kubernetes from the cluster subnets', () => {
  const dual = networksOfValues(
    JSON.stringify({
      external_oam_subnet: 'fd00:13::/64,10.10.13.0/24',
      cluster_host_subnet: 'fd02:13::/64, 192.168.213.0/24',
      cluster_pod_subnet: 'fd03:13::/64,172.23.0.0/16',
      cluster_service_subnet: 'fd04:13::/112,10.113.0.0/16',
      management_subnet: 'fd01:13::/64',
    }),
  )
  assert.equal(dual, all('IPv6', 'IPv4'))
  assert.ok(kubernetesDualStackOfValues(dual))
  const v4 = networksOfValues(
    JSON.stringify({ external_oam_subnet: '10.10.13.0/24', cluster_pod_subnet: '' }),
  )
  assert.equal(v4, [{ network: 'oam', families: ['IPv4'] }])
  assert.not.ok(kubernetesDualStackOfValues(v4))
  assert.equal(networksOfValues(''), [])
})

test('networksOfDescribe - the plan networks by type, the primary pool first whatever the association order', () => {
  const described = {
    networks: [
      { uuid: 'n-oam', type: 'oam', name: 'oam', pool_uuid: 'p6' },
      { uuid: 'n-mgmt', type: 'mgmt', name: 'mgmt', pool_uuid: 'pm' },
    ],
    address_pools: [
      { uuid: 'p4', family: 'IPv4' },
      { uuid: 'p6', family: 'IPv6' },
      { uuid: 'pm', family: 'IPv6' },
    ],
    network_addrpools: [
      { network_uuid: 'n-oam', address_pool_uuid: 'p4' },
      { network_uuid: 'n-oam', address_pool_uuid: 'p6' },
      { network_uuid: 'n-mgmt', address_pool_uuid: 'pm' },
    ],
  } as unknown as DescribeResponse__Output
  assert.equal(networksOfDescribe(described), [{ network: 'oam', families: ['IPv6', 'IPv4'] }])
})

/** A site whose plan networks each have one pool per family given, primary first. */
function siteOf(kubernetesDualStack: boolean, ...families: ('IPv4' | 'IPv6')[]): DescribeResponse__Output {
  return {
    system: { kubernetes_dual_stack: kubernetesDualStack },
    networks: PLAN.map((type) => ({ uuid: type, type, name: type, pool_uuid: `${type}-${families[0]}` })),
    address_pools: PLAN.flatMap((type) => families.map((family) => ({ uuid: `${type}-${family}`, family }))),
    network_addrpools: PLAN.flatMap((type) =>
      families.map((family) => ({ network_uuid: type, address_pool_uuid: `${type}-${family}` })),
    ),
  } as unknown as DescribeResponse__Output
}

test('NetworkSurvey.record - tells a change of the shown mode only: a first survey that confirms the bootstrap values tells nothing', () => {
  let told = 0
  const survey = new NetworkSurvey({
    describe: () => Promise.reject(new Error('the test records sites itself')),
    concurrency: 1,
    signal: new AbortController().signal,
    onChange: () => told++,
  })
  const subcloud = {
    name: 'sc1',
    availability: 'online',
    expectedConfigHash: null,
    endpoints: [],
    storedValuesJson: JSON.stringify({
      external_oam_subnet: 'fd00:11::/64',
      cluster_host_subnet: 'fd02:11::/64',
      cluster_pod_subnet: 'fd03:11::/64',
      cluster_service_subnet: 'fd04:11::/112',
    }),
  } as unknown as Subcloud
  assert.is(survey.modeOf(subcloud), 'ipv6')
  survey.record(subcloud, siteOf(false, 'IPv6'))
  assert.is(told, 0, 'the agent confirms what the values showed')
  survey.record(subcloud, siteOf(true, 'IPv6', 'IPv4'))
  assert.is(told, 1)
  assert.is(survey.modeOf(subcloud), 'dual-ipv6-primary')
  survey.record(subcloud, siteOf(true, 'IPv6', 'IPv4'))
  assert.is(told, 1, 'asked again, unchanged')
})

test('keyedDelta - changed and new rows by value, removed keys; nothing when equal', () => {
  const before = [
    { name: 'a', state: 'online' },
    { name: 'b', state: 'online' },
    { name: 'c', state: 'online' },
  ]
  const after = [
    { name: 'a', state: 'online' },
    { name: 'b', state: 'offline' },
    { name: 'd', state: 'online' },
  ]
  assert.equal(
    keyedDelta(before, after, (r) => r.name),
    {
      changed: [
        { name: 'b', state: 'offline' },
        { name: 'd', state: 'online' },
      ],
      removed: ['c'],
    },
  )
  assert.is(
    keyedDelta(before, [...before], (r) => r.name),
    undefined,
  )
})

test.run()
