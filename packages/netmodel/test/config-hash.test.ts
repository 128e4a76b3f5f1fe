import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import type { SystemState } from '../src/index.js'
import {
  FleetIndex,
  SubnetAllocator,
  applyAll,
  configHash,
  parseNetworkPlan,
  planSite,
  siteNetworksFromState,
} from '../src/index.js'
import { ISSUE_PLAN, REMOVE_PLAN, dualStackSite, ipv6Site } from './network-plan-fixtures.js'
import { IPV4, IPV6, must, run, seedSite, site } from './state-fixtures.js'

const ConfigHash = suite('configHash')

ConfigHash('configHash - is 16 hex digits and the same for the same state', () => {
  const h = configHash(site(IPV6))
  assert.match(h, /^[0-9a-f]{16}$/)
  assert.is(configHash(structuredClone(site(IPV6))), h)
})

ConfigHash('configHash - ignores generation, hosts, alarms and the bootstrap phase', () => {
  const state = site(IPV6)
  const h = configHash(state)
  const moved = run(
    state,
    { kind: 'host-swact', host: 'controller-0' },
    { kind: 'host-lock', host: 'controller-0' },
  )
  assert.is.not(moved.generation, state.generation)
  assert.is(configHash(moved), h)
  const alarmed: SystemState = {
    ...state,
    alarms: [
      {
        alarmId: '250.001',
        entityInstanceId: 'host=controller-0',
        reasonText: 'x',
        severity: 'major',
        raisedAtGeneration: 1,
      },
    ],
  }
  assert.is(configHash(alarmed), h)
  assert.is(configHash(site(IPV6, { configured: false })), h)
})

ConfigHash('configHash - changes with any configuration change', () => {
  const state = site(IPV6)
  const h = configHash(state)
  const withPool = run(state, { kind: 'addrpool-add', name: 'p', network: 'fd20::', prefix: 64 })
  assert.is.not(configHash(withPool), h)
  const reordered = run(withPool, { kind: 'addrpool-modify', pool: 'p', changes: { order: 'sequential' } })
  assert.is.not(configHash(reordered), configHash(withPool))
  assert.is.not(configHash({ ...state, systemMode: 'duplex-direct' }), h)
  assert.is.not(configHash({ ...state, kubernetesDualStack: true }), h)
  assert.is.not(configHash(site(IPV4)), h)
})

ConfigHash('configHash - rows are compared by content, not by uuid or position', () => {
  const state = site(IPV6)
  const renumbered: SystemState = {
    ...state,
    uuid: '11111111-2222-4333-8444-555555555555',
    pools: [...state.pools].reverse().map((p, i) => ({ ...p, id: 100 + i })),
    addresses: [...state.addresses].reverse().map((a) => ({ ...a, uuid: `x-${a.uuid}` })),
    networkPools: state.networkPools.map((a) => ({ ...a, uuid: `y-${a.uuid}`, id: a.id + 50 })),
  }
  assert.is(configHash(renumbered), configHash(state))
})

ConfigHash('configHash - pinned values: agents persist and compare them, so they never change', () => {
  assert.is(configHash(site(IPV6)), '4980c1a70bb6113e')
  assert.is(configHash(site(IPV4)), '64c0ce52f5594ba1')
})

/** `state` after the commands `plan` gives it as subcloud7 of an empty fleet. */
function afterPlan(state: SystemState, plan: string): SystemState {
  const sitePlan = planSite(
    parseNetworkPlan(plan),
    siteNetworksFromState(state, 'subcloud7'),
    new SubnetAllocator(new FleetIndex()),
  )
  if (sitePlan.kind !== 'change') throw new Error(`expected a change, got ${sitePlan.kind}`)
  return must(applyAll(state, sitePlan.commands))
}

// Values taken before the hashing path was optimized: a faster hash must give the same digests.
ConfigHash('configHash - pinned values of bootstrapped, dual-stack, planned and reverted sites', () => {
  const simplex = ipv6Site('simplex')
  const added = afterPlan(simplex, ISSUE_PLAN)
  assert.is(configHash(seedSite()), '4980c1a70bb6113e')
  assert.is(configHash(dualStackSite()), 'f7ca91a24e8440d0')
  assert.is(configHash(simplex), '4c8bbbcad7f2fd92')
  assert.is(configHash(ipv6Site('duplex')), '4980c1a70bb6113e')
  assert.is(configHash(added), '77ff7c51073db333')
  assert.is(configHash(afterPlan(ipv6Site('duplex'), ISSUE_PLAN)), '00220189e00a176b')
  assert.is(configHash(afterPlan(added, REMOVE_PLAN)), '4c8bbbcad7f2fd92')
})

ConfigHash.run()
