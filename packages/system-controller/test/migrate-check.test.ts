import { initialState, parseBootstrapValues } from '@dc/netmodel'
import type { SystemState } from '@dc/netmodel'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { migrateMismatches } from '../src/subclouds/migrate-check.js'

const VALUES: Readonly<Record<string, string>> = {
  name: 'subcloud1',
  system_mode: 'simplex',
  management_subnet: 'fd01:11::/64,192.168.111.0/24',
  management_start_address: 'fd01:11::2,192.168.111.2',
  management_end_address: 'fd01:11::50,192.168.111.50',
  management_gateway_address: 'fd01:11::1,192.168.111.1',
  systemcontroller_gateway_address: 'fd01:1::1,192.168.101.1',
  external_oam_subnet: 'fd00:11::/64',
  external_oam_gateway_address: 'fd00:11::1',
  external_oam_floating_address: 'fd00:11::2',
  cluster_host_subnet: 'fd02:11::/64',
  cluster_pod_subnet: 'fd03:11::/64',
  cluster_service_subnet: 'fd04:11::/112',
}

function stateOf(values: Readonly<Record<string, string>>, uuid: string): SystemState {
  const parsed = parseBootstrapValues(values)
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => e.message).join('; '))
  return initialState(parsed.values, { uuid })
}

const test = suite('migrateMismatches')

test('migrateMismatches - a site deployed from the same values matches, whatever its uuid', () => {
  assert.equal(migrateMismatches(stateOf(VALUES, 'a'), stateOf(VALUES, 'b')), [])
})

test('migrateMismatches - each differing value is named by its bootstrap key, with both values', () => {
  const reported = stateOf(
    { ...VALUES, management_end_address: 'fd01:11::60,192.168.111.50', system_mode: 'duplex' },
    'b',
  )
  const found = migrateMismatches(stateOf(VALUES, 'a'), reported)
  assert.equal(
    found.map((v) => [v.key, v.message]),
    [
      ['system_mode', 'the subcloud reports duplex, the bootstrap values give simplex'],
      [
        'management_end_address',
        'the subcloud reports fd01:11::60,192.168.111.50, the bootstrap values give fd01:11::50,192.168.111.50',
      ],
    ],
  )
  assert.ok(found.every((v) => v.code === 'MIGRATE_STATE_MISMATCH' && v.kind === 'conflict'))
})

test('migrateMismatches - a secondary family the site lacks differs in every key of that network', () => {
  const single = {
    ...VALUES,
    management_subnet: 'fd01:11::/64',
    management_start_address: 'fd01:11::2',
    management_end_address: 'fd01:11::50',
    management_gateway_address: 'fd01:11::1',
    systemcontroller_gateway_address: 'fd01:1::1',
  }
  const keys = migrateMismatches(stateOf(VALUES, 'a'), stateOf(single, 'b')).map((v) => v.key)
  assert.equal(keys, [
    'management_subnet',
    'management_start_address',
    'management_end_address',
    'management_gateway_address',
  ])
})

test.run()
