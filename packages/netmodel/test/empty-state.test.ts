import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import type { EmptyStateInit } from '../src/index.js'
import { emptyState, markInitialConfigComplete } from '../src/index.js'

const INIT: EmptyStateInit = {
  uuid: '0b9f7c3e-5d2a-4e61-9c1b-7a8d2f4e6c10',
  name: 'site-a',
  systemMode: 'duplex',
  distributedCloudRole: 'subcloud',
  softwareVersion: '24.09',
}

const EmptyState = suite('emptyState')
const MarkInitialConfigComplete = suite('markInitialConfigComplete')

EmptyState(
  'emptyState - duplex, duplex-direct and standard start with two controllers in service, controller-0 active',
  () => {
    for (const systemMode of ['duplex', 'duplex-direct', 'standard'] as const) {
      const state = emptyState({ ...INIT, systemMode })
      assert.equal(
        state.hosts.map((h) => [
          h.hostname,
          h.personality,
          h.administrative,
          h.operational,
          h.availability,
          h.active,
          h.configUpToDate,
        ]),
        [
          ['controller-0', 'controller', 'unlocked', 'enabled', 'available', true, true],
          ['controller-1', 'controller', 'unlocked', 'enabled', 'available', false, true],
        ],
        systemMode,
      )
    }
  },
)

EmptyState('emptyState - simplex has controller-0 only', () => {
  const state = emptyState({ ...INIT, systemMode: 'simplex' })
  assert.equal(
    state.hosts.map((h) => h.hostname),
    ['controller-0'],
  )
})

EmptyState('emptyState - carries the system fields, with no configuration yet', () => {
  const state = emptyState(INIT)
  assert.equal(
    [state.uuid, state.name, state.systemMode, state.distributedCloudRole, state.softwareVersion],
    [INIT.uuid, 'site-a', 'duplex', 'subcloud', '24.09'],
  )
  assert.equal(
    [state.networks, state.pools, state.networkPools, state.addresses, state.alarms],
    [[], [], [], [], []],
  )
  assert.equal(
    [state.initialConfigComplete, state.generation, state.kubernetesDualStack, state.upgradeInProgress],
    [false, 0, false, 'none'],
  )
  assert.is(state.nextId, 3)
})

EmptyState('emptyState - takes extra hosts, personality from the name, uuids derived from the system', () => {
  const state = emptyState({
    ...INIT,
    systemMode: 'standard',
    hostnames: ['controller-0', 'controller-1', 'worker-0', 'storage-0'],
  })
  assert.equal(
    state.hosts.map((h) => [h.hostname, h.personality, h.active]),
    [
      ['controller-0', 'controller', true],
      ['controller-1', 'controller', false],
      ['worker-0', 'worker', false],
      ['storage-0', 'storage', false],
    ],
  )
  assert.equal(
    emptyState({
      ...INIT,
      systemMode: 'standard',
      hostnames: ['controller-0', 'controller-1', 'worker-0', 'storage-0'],
    }),
    state,
  )
  assert.is.not(
    emptyState({ ...INIT, uuid: '1b9f7c3e-5d2a-4e61-9c1b-7a8d2f4e6c10' }).hosts[0]?.uuid,
    state.hosts[0]?.uuid,
  )
})

EmptyState('emptyState - refuses host lists it cannot run', () => {
  assert.throws(() => emptyState({ ...INIT, hostnames: ['worker-0'] }), /no controller/)
  assert.throws(() => emptyState({ ...INIT, hostnames: ['controller-0', 'controller-0'] }), /duplicate/)
  assert.throws(
    () => emptyState({ ...INIT, systemMode: 'simplex', hostnames: ['controller-0', 'controller-1'] }),
    /one controller/,
  )
})

MarkInitialConfigComplete('markInitialConfigComplete - sets the flag only', () => {
  const state = emptyState(INIT)
  const done = markInitialConfigComplete(state)
  assert.ok(done.initialConfigComplete)
  assert.equal({ ...done, initialConfigComplete: false }, state)
  assert.not.ok(state.initialConfigComplete)
})

EmptyState.run()
MarkInitialConfigComplete.run()
