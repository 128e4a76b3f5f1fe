import type { AddSystemPeerRequest__Output } from '@dc/protos'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { InvalidFieldError } from '../src/errors.js'
import {
  associationPriority,
  newPeerGroupFields,
  newSystemPeerFields,
  peerGroupChanges,
  systemPeerChanges,
} from '../src/geo/geo-fields.js'

const OWN = 'own-site'

function peer(extra: Partial<AddSystemPeerRequest__Output> = {}): AddSystemPeerRequest__Output {
  return {
    peer_uuid: '0d6e7c0a-7c57-4e45-a0b7-4f1b0d9b2a10',
    peer_name: 'east',
    manager_endpoint: 'https://[fd00:2::2]:5000/v3',
    manager_username: 'admin',
    manager_password: 'secret',
    peer_controller_gateway_ip: 'FD01:2::0001',
    ...extra,
  }
}

function refusedField(run: () => unknown): string {
  try {
    run()
  } catch (err) {
    assert.instance(err, InvalidFieldError)
    return (err as InvalidFieldError).field
  }
  throw new Error('expected InvalidFieldError')
}

const fields = suite('newSystemPeerFields')

fields('newSystemPeerFields - StarlingX defaults, canonical gateway, no password kept', () => {
  const values = newSystemPeerFields(peer(), OWN)
  assert.equal(
    [
      values.heartbeat_interval,
      values.heartbeat_failure_threshold,
      values.heartbeat_failure_policy,
      values.heartbeat_maintenance_timeout,
      values.administrative_state,
    ],
    [60, 3, 'alarm', 600, 'enabled'],
  )
  assert.is(values.peer_controller_gateway_ip, 'fd01:2::1')
  assert.not.ok('manager_password' in values)
})

fields('newSystemPeerFields - ranges and names are enforced field by field', () => {
  const cases: [Partial<AddSystemPeerRequest__Output>, string][] = [
    [{ heartbeat_interval: 9 }, 'heartbeat_interval'],
    [{ heartbeat_interval: 601 }, 'heartbeat_interval'],
    [{ heartbeat_failure_threshold: 0 }, 'heartbeat_failure_threshold'],
    [{ heartbeat_failure_threshold: 31 }, 'heartbeat_failure_threshold'],
    [{ heartbeat_maintenance_timeout: 299 }, 'heartbeat_maintenance_timeout'],
    [{ heartbeat_maintenance_timeout: 36001 }, 'heartbeat_maintenance_timeout'],
    [{ heartbeat_failure_policy: 'panic' }, 'heartbeat_failure_policy'],
    [{ administrative_state: 'on' }, 'administrative_state'],
    [{ peer_name: '42' }, 'peer_name'],
    [{ peer_name: ' ' }, 'peer_name'],
    [{ peer_uuid: 'has.dot' }, 'peer_uuid'],
    [{ peer_uuid: OWN }, 'peer_uuid'],
    [{ peer_controller_gateway_ip: 'gateway' }, 'peer_controller_gateway_ip'],
    [{ manager_endpoint: '' }, 'manager_endpoint'],
  ]
  for (const [extra, field] of cases)
    assert.is(
      refusedField(() => newSystemPeerFields(peer(extra), OWN)),
      field,
      JSON.stringify(extra),
    )
  const edge = newSystemPeerFields(
    peer({ heartbeat_interval: 600, heartbeat_failure_threshold: 30, heartbeat_maintenance_timeout: 300 }),
    OWN,
  )
  assert.equal(
    [edge.heartbeat_interval, edge.heartbeat_failure_threshold, edge.heartbeat_maintenance_timeout],
    [600, 30, 300],
  )
})

fields('systemPeerChanges - only the fields given, each checked', () => {
  assert.equal(systemPeerChanges({ system_peer: 'east' }, OWN), {})
  assert.equal(systemPeerChanges({ system_peer: 'east', heartbeat_failure_policy: 'rehome' }, OWN), {
    heartbeat_failure_policy: 'rehome',
  })
  assert.is(
    refusedField(() => systemPeerChanges({ system_peer: 'east', heartbeat_interval: 5 }, OWN)),
    'heartbeat_interval',
  )
})

const groups = suite('newPeerGroupFields')

groups('newPeerGroupFields - defaults: priority 0, enabled, 10 rehoming', () => {
  assert.equal(newPeerGroupFields({ peer_group_name: 'pg1' }), {
    peer_group_name: 'pg1',
    group_priority: 0,
    group_state: 'enabled',
    max_subcloud_rehoming: 10,
  })
})

groups('newPeerGroupFields - name not none nor digits, priority 0..65536, rehoming 1..250', () => {
  for (const name of ['none', 'NONE', '12', '']) {
    assert.is(
      refusedField(() => newPeerGroupFields({ peer_group_name: name })),
      'peer_group_name',
      name,
    )
  }
  assert.is(
    refusedField(() => newPeerGroupFields({ peer_group_name: 'g', group_priority: 65537 })),
    'group_priority',
  )
  assert.is(
    refusedField(() => newPeerGroupFields({ peer_group_name: 'g', max_subcloud_rehoming: 0 })),
    'max_subcloud_rehoming',
  )
  assert.is(
    refusedField(() => newPeerGroupFields({ peer_group_name: 'g', max_subcloud_rehoming: 251 })),
    'max_subcloud_rehoming',
  )
  assert.is(
    newPeerGroupFields({ peer_group_name: 'g', group_priority: 65536, max_subcloud_rehoming: 250 })
      .group_priority,
    65536,
  )
  assert.equal(peerGroupChanges({ peer_group: 'g', group_state: 'disabled' }), { group_state: 'disabled' })
})

const priority = suite('associationPriority')

priority('associationPriority - required and non-zero when the local group is primary (0)', () => {
  assert.is(associationPriority(0, 2), 2)
  assert.is(
    refusedField(() => associationPriority(0, undefined)),
    'peer_group_priority',
  )
  assert.is(
    refusedField(() => associationPriority(0, 0)),
    'peer_group_priority',
  )
  assert.is(
    refusedField(() => associationPriority(0, 65537)),
    'peer_group_priority',
  )
})

priority('associationPriority - forbidden when the local group is not primary; stored as 0', () => {
  assert.is(associationPriority(3, undefined), 0)
  assert.is(
    refusedField(() => associationPriority(3, 1)),
    'peer_group_priority',
  )
})

fields.run()
groups.run()
priority.run()
