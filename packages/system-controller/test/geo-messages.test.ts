import type { AddSystemPeerRequest__Output } from '@dc/protos'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { InvalidFieldError } from '../src/errors.js'
import { associationPriority } from '../src/geo/geo-limits.js'
import {
  newPeerGroupInput,
  newSystemPeerInput,
  peerGroupChangesInput,
  systemPeerChangesInput,
  systemPeerMessage,
} from '../src/grpc/geo-messages.js'

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

const peers = suite('newSystemPeerInput')

peers(
  'newSystemPeerInput - given fields only (the service fills the defaults), canonical gateway, no password kept',
  () => {
    const input = newSystemPeerInput(peer())
    assert.equal(input, {
      peerUuid: '0d6e7c0a-7c57-4e45-a0b7-4f1b0d9b2a10',
      peerName: 'east',
      managerEndpoint: 'https://[fd00:2::2]:5000/v3',
      managerUsername: 'admin',
      peerControllerGatewayIp: 'fd01:2::1',
    })
    assert.not.match(JSON.stringify(input), /secret/)
  },
)

peers('newSystemPeerInput - ranges and names are enforced field by field', () => {
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
    [{ peer_controller_gateway_ip: 'gateway' }, 'peer_controller_gateway_ip'],
    [{ manager_endpoint: '' }, 'manager_endpoint'],
  ]
  for (const [extra, field] of cases)
    assert.is(
      refusedField(() => newSystemPeerInput(peer(extra))),
      field,
      JSON.stringify(extra),
    )
  const edge = newSystemPeerInput(
    peer({ heartbeat_interval: 600, heartbeat_failure_threshold: 30, heartbeat_maintenance_timeout: 300 }),
  )
  assert.equal(
    [edge.heartbeatIntervalMs, edge.heartbeatFailureThreshold, edge.heartbeatMaintenanceTimeoutMs],
    [600_000, 30, 300_000],
    'seconds in the API, milliseconds in the domain',
  )
})

peers('systemPeerChangesInput - only the fields given, each checked', () => {
  assert.equal(systemPeerChangesInput({ system_peer: 'east' }), {})
  assert.equal(systemPeerChangesInput({ system_peer: 'east', heartbeat_failure_policy: 'rehome' }), {
    heartbeatFailurePolicy: 'rehome',
  })
  assert.is(
    refusedField(() => systemPeerChangesInput({ system_peer: 'east', heartbeat_interval: 5 })),
    'heartbeat_interval',
  )
})

peers('systemPeerMessage - seconds again, and no password to return', () => {
  const at = new Date('2026-01-01T00:00:00Z')
  const message = systemPeerMessage({
    ...newSystemPeerInput(peer()),
    id: 1,
    administrativeState: 'enabled',
    heartbeatIntervalMs: 60_000,
    heartbeatFailureThreshold: 3,
    heartbeatFailurePolicy: 'alarm',
    heartbeatMaintenanceTimeoutMs: 600_000,
    availability: 'created',
    createdAt: at,
    updatedAt: at,
  })
  assert.equal([message.heartbeat_interval, message.heartbeat_maintenance_timeout], [60, 600])
  assert.is(message.updated_at, '', 'never updated')
  assert.not.ok('manager_password' in message)
})

const groups = suite('newPeerGroupInput')

groups('newPeerGroupInput - the name, and the settings given', () => {
  assert.equal(newPeerGroupInput({ peer_group_name: 'pg1' }), { name: 'pg1' })
  assert.equal(newPeerGroupInput({ peer_group_name: 'pg1', group_priority: 2 }), { name: 'pg1', priority: 2 })
})

groups('newPeerGroupInput - name not none nor digits, priority 0..65536, rehoming 1..250', () => {
  for (const name of ['none', 'NONE', '12', '']) {
    assert.is(
      refusedField(() => newPeerGroupInput({ peer_group_name: name })),
      'peer_group_name',
      name,
    )
  }
  assert.is(
    refusedField(() => newPeerGroupInput({ peer_group_name: 'g', group_priority: 65537 })),
    'group_priority',
  )
  assert.is(
    refusedField(() => newPeerGroupInput({ peer_group_name: 'g', max_subcloud_rehoming: 0 })),
    'max_subcloud_rehoming',
  )
  assert.is(
    refusedField(() => newPeerGroupInput({ peer_group_name: 'g', max_subcloud_rehoming: 251 })),
    'max_subcloud_rehoming',
  )
  assert.is(
    newPeerGroupInput({ peer_group_name: 'g', group_priority: 65536, max_subcloud_rehoming: 250 }).priority,
    65536,
  )
  assert.equal(peerGroupChangesInput({ group_state: 'disabled' }), { state: 'disabled' })
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

peers.run()
groups.run()
priority.run()
