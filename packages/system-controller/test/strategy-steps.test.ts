import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import type { DescribeResponse__Output } from '@dc/protos'
import { SiteDescriptionError } from '../src/strategies/strategy-errors.js'
import { siteNetworksOf } from '../src/strategies/site-networks.js'
import { eligibilityRefusal } from '../src/strategies/step-eligibility.js'
import { describeHostAction, kubernetesPending, stepChangeId } from '../src/strategies/step-execution.js'
import type { StepPlan } from '../src/strategies/step-execution.js'
import type { Subcloud } from '../src/subclouds/subcloud.js'
import { subcloudFields } from './subcloud-fixtures.js'

type Pool = DescribeResponse__Output['address_pools'][number]
type Network = DescribeResponse__Output['networks'][number]
type Assignment = DescribeResponse__Output['network_addrpools'][number]

function pool(uuid: string, name: string, network: string, prefix: number, family: string): Pool {
  return { id: 0, uuid, name, network, prefix, family, order: 'random', ranges: [] }
}

function network(uuid: string, type: string, primaryPool: string): Network {
  return { id: 0, uuid, name: type, type, dynamic: false, pool_uuid: primaryPool }
}

function assign(uuid: string, networkUuid: string, poolUuid: string): Assignment {
  return {
    id: 0,
    uuid,
    network_id: 0,
    network_uuid: networkUuid,
    network_name: '',
    address_pool_id: 0,
    address_pool_uuid: poolUuid,
    address_pool_name: '',
  }
}

/** An IPv6-primary duplex site: OAM dual-stack (the IPv4 pool assigned first), cluster-pod IPv6 only. */
function described(fields: Partial<DescribeResponse__Output> = {}): DescribeResponse__Output {
  return {
    bootstrapped: true,
    system: { system_mode: 'duplex', kubernetes_dual_stack: false } as DescribeResponse__Output['system'],
    networks: [network('n-oam', 'oam', 'p-oam6'), network('n-pod', 'cluster-pod', 'p-pod6')],
    address_pools: [
      pool('p-oam4', 'oam-ipv4', '10.64.0.0', 24, 'IPv4'),
      pool('p-oam6', 'oam', 'fd00:1:0:0::', 64, 'IPv6'),
      pool('p-pod6', 'cluster-pod', 'fd03::', 64, 'IPv6'),
    ],
    network_addrpools: [
      assign('a-1', 'n-oam', 'p-oam4'),
      assign('a-2', 'n-oam', 'p-oam6'),
      assign('a-3', 'n-pod', 'p-pod6'),
    ],
    addresses: [],
    hosts: [
      {
        id: 1,
        uuid: 'h0',
        hostname: 'controller-0',
        personality: 'controller',
        administrative: 'unlocked',
        operational: 'enabled',
        availability: 'available',
        active: true,
        config_up_to_date: true,
      },
    ],
    alarms: [],
    generation: '7',
    config_hash: 'h',
    epoch: '1',
    controller_id: 'c',
    software_version: '24.09',
    address_calls: [],
    component_restarts: [],
    ...fields,
  }
}

const sites = suite('siteNetworksOf')

sites('siteNetworksOf - primary pool first, canonical subnets, primary family from OAM', () => {
  const site = siteNetworksOf('subcloud1', described())
  assert.is(site.name, 'subcloud1')
  assert.is(site.systemMode, 'duplex')
  assert.is(site.primaryFamily, 'IPv6')
  const oam = site.networks.find((n) => n.type === 'oam')
  assert.equal(
    oam?.pools.map((p) => [p.assignment, p.pool.subnet]),
    [
      ['a-2', 'fd00:1::/64'],
      ['a-1', '10.64.0.0/24'],
    ],
  )
  assert.is(site.pools.length, 3)
  assert.equal(site.hosts, [
    { hostname: 'controller-0', personality: 'controller', active: true, administrative: 'unlocked' },
  ])
})

sites('siteNetworksOf - refuses a site without an OAM network or with an unknown mode', () => {
  assert.throws(
    () => siteNetworksOf('s', described({ networks: [] })),
    (err: unknown) => err instanceof SiteDescriptionError && err.message.includes('no OAM network'),
  )
  assert.throws(
    () => siteNetworksOf('s', described({ system: null })),
    (err: unknown) => err instanceof SiteDescriptionError && err.message.includes("unknown system mode ''"),
  )
})

sites.run()

const eligible = suite('eligibilityRefusal')

function subcloud(fields: Partial<Subcloud> = {}): Subcloud {
  return {
    ...subcloudFields('subcloud1', 1),
    deployStatus: 'complete',
    availability: 'online',
    managementState: 'managed',
    ...fields,
  } as Subcloud
}

const LEAD = { name: 'pg1', leaderId: 'site-b', leaderName: 'central-b' }

eligible('eligibilityRefusal - the reason a subcloud takes no part, in the order dcmanager checks', () => {
  const cases: [Partial<Subcloud>, string | undefined][] = [
    [{}, undefined],
    [{ managementState: 'unmanaged' }, 'subcloud is unmanaged'],
    [{ availability: 'offline' }, 'subcloud is offline'],
    [{ deployStatus: 'bootstrap-failed' }, 'deploy status is bootstrap-failed'],
    [{ softwareVersion: '22.12' }, 'release 22.12 does not support dual-stack (24.09 or later)'],
    [{ softwareVersion: 'next' }, 'release next does not support dual-stack (24.09 or later)'],
  ]
  for (const [fields, reason] of cases)
    assert.is(eligibilityRefusal(subcloud(fields), undefined, 'site-a', 'create'), reason)
})

eligible('eligibilityRefusal - members of a group another site leads are secondary copies', () => {
  const member = subcloud({ peerGroupId: 3 })
  assert.is(eligibilityRefusal(member, { ...LEAD, leaderId: 'site-a' }, 'site-a', 'create'), undefined)
  assert.is(
    eligibilityRefusal(member, LEAD, 'site-a', 'create'),
    'secondary copy: subcloud peer group pg1 is led by central-b',
  )
  assert.is(
    eligibilityRefusal(member, LEAD, 'site-a', 'pre-check'),
    'ownership of peer group pg1 moved to central-b',
  )
})

eligible.run()

const steps = suite('step execution helpers')

const ADD_ALL: StepPlan = {
  strategyUuid: 'u',
  planKind: 'add',
  networks: ['oam', 'cluster-host', 'cluster-pod', 'cluster-service'],
}

steps('kubernetesPending - names what keeps the site from the plan', () => {
  assert.is(kubernetesPending(described(), { ...ADD_ALL, networks: ['oam'] }), undefined)
  assert.is(kubernetesPending(described(), ADD_ALL), 'cluster-host has 0 pool(s), expected 2')
  assert.is(
    kubernetesPending(described(), { ...ADD_ALL, networks: ['cluster-pod'] }),
    'cluster-pod has 1 pool(s), expected 2',
  )
  assert.is(
    kubernetesPending(described(), { ...ADD_ALL, planKind: 'remove', networks: ['cluster-pod'] }),
    undefined,
  )
  const alarmed = described({
    alarms: [
      {
        alarm_id: '250.001',
        entity_instance_id: 'host=controller-1',
      } as DescribeResponse__Output['alarms'][number],
    ],
  })
  assert.is(
    kubernetesPending(alarmed, { ...ADD_ALL, networks: ['oam'] }),
    'alarm 250.001 active on host=controller-1',
  )
})

steps('stepChangeId and describeHostAction - what the agent and the operator see', () => {
  assert.is(stepChangeId('u-1', 'subcloud7', 0), 'u-1/subcloud7/0')
  assert.is(describeHostAction({ kind: 'host-swact', host: 'controller-0' }), 'swact controller-0')
  assert.is(describeHostAction({ kind: 'host-lock', host: 'controller-1' }), 'lock controller-1')
  assert.is(describeHostAction({ kind: 'host-unlock', host: 'controller-1' }), 'unlock controller-1')
})

steps.run()
