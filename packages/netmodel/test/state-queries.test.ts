import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import {
  controllers,
  findHost,
  findNetwork,
  findNetworkPool,
  findPool,
  networkOfPool,
  networkOfType,
  poolsOfNetwork,
} from '../src/index.js'
import { IPV4, IPV6, assignmentOf, at, poolOn, run, site } from './state-fixtures.js'

const Find = suite('find*')
const PoolsOfNetwork = suite('poolsOfNetwork')

Find('findPool, findNetwork, findHost - by name or by uuid', () => {
  const state = site(IPV6)
  const pool = findPool(state, 'oam-ipv6')
  assert.is(findPool(state, pool?.uuid ?? '')?.name, 'oam-ipv6')
  const network = findNetwork(state, 'oam')
  assert.is(findNetwork(state, network?.uuid ?? '')?.type, 'oam')
  const host = findHost(state, 'controller-1')
  assert.is(findHost(state, host?.uuid ?? '')?.hostname, 'controller-1')
  assert.is(findPool(state, 'nope'), undefined)
  assert.is(findNetwork(state, 'nope'), undefined)
  assert.is(findHost(state, 'nope'), undefined)
})

Find('findNetworkPool, networkOfPool, networkOfType, controllers - associations and hosts', () => {
  const state = site(IPV4, { mode: 'standard', hostnames: ['controller-0', 'controller-1', 'worker-0'] })
  const association = findNetworkPool(state, assignmentOf(state, 'oam-ipv4'))
  assert.is(association?.networkUuid, networkOfType(state, 'oam')?.uuid)
  assert.is(networkOfPool(state, findPool(state, 'oam-ipv4')?.uuid ?? '')?.name, 'oam')
  assert.is(networkOfType(state, 'admin'), undefined)
  assert.equal(
    controllers(state).map((h) => h.hostname),
    ['controller-0', 'controller-1'],
  )
})

PoolsOfNetwork('poolsOfNetwork - lists the primary first, whatever the association order', () => {
  const state = run(
    site(IPV6),
    poolOn('oam-ipv4', IPV4.oam, {
      floatingAddress: at(IPV4.oam, 2),
      controller0Address: at(IPV4.oam, 3),
      controller1Address: at(IPV4.oam, 4),
    }),
    { kind: 'network-addrpool-assign', network: 'oam', pool: 'oam-ipv4' },
  )
  const oam = networkOfType(state, 'oam')
  const uuid = oam?.uuid ?? ''
  assert.equal(
    poolsOfNetwork(state, uuid).map((p) => p.name),
    ['oam-ipv6', 'oam-ipv4'],
  )
  const reversed = { ...state, networkPools: [...state.networkPools].reverse() }
  assert.equal(
    poolsOfNetwork(reversed, uuid).map((p) => p.name),
    ['oam-ipv6', 'oam-ipv4'],
  )
  assert.equal(poolsOfNetwork(state, 'nope'), [])
})

Find.run()
PoolsOfNetwork.run()
