import { applyAll, initialState, parseBootstrapValues } from '@dc/netmodel'
import type { SystemState } from '@dc/netmodel'
import { addressPoolMessage, networkAddrPoolMessage, networkMessage } from '@dc/platform-service'
import type { DescribeResponse__Output } from '@dc/protos'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import {
  parseCandidate,
  reconfigurationCommands,
  reconfiguredValues,
  valuesInUse,
} from '../src/subclouds/network-reconfiguration-values.js'
import { listensOn, operationalTarget } from '../src/subclouds/operational-address.js'
import type { Subcloud } from '../src/subclouds/subcloud.js'

const STORED = {
  name: 'subcloud1',
  system_mode: 'simplex',
  management_subnet: 'fd01:11::/64',
  management_start_address: 'fd01:11::2',
  management_end_address: 'fd01:11::50',
  management_gateway_address: 'fd01:11::1',
  systemcontroller_gateway_address: 'fd01:1::1',
  external_oam_subnet: 'fd00:11::/64,10.10.11.0/24',
  external_oam_gateway_address: 'fd00:11::1,10.10.11.1',
  external_oam_floating_address: 'fd00:11::2,10.10.11.2',
  cluster_host_subnet: 'fd02:11::/64',
  cluster_pod_subnet: 'fd03:11::/64',
  cluster_service_subnet: 'fd04:11::/112',
}

function stateOf(values: Readonly<Record<string, unknown>>): SystemState {
  const parsed = parseBootstrapValues(values)
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => `${e.key}: ${e.message}`).join('; '))
  return initialState(parsed.values, { uuid: '00000000-0000-4000-8000-000000000011' })
}

/** What an agent holding `state` describes, as far as the reconfiguration reads it. */
function describe(state: SystemState, listen: readonly string[] = []): DescribeResponse__Output {
  return {
    networks: state.networks.map(networkMessage),
    address_pools: state.pools.map(addressPoolMessage),
    network_addrpools: state.networkPools.map((a) => networkAddrPoolMessage(state, a)),
    address_calls: listen.map((local_address) => ({ local_address, calls: '0' })),
  } as unknown as DescribeResponse__Output
}

function candidateOf(values: { subnet: string; startIp: string; endIp: string; gatewayIp: string }) {
  const parsed = parseCandidate(reconfiguredValues(STORED, values))
  if (!parsed.ok) throw new Error(parsed.violations.map((v) => `${v.key}: ${v.message}`).join('; '))
  return parsed.values
}

/** The admin pools of `state`: `name network/prefix floating gateway`, primary first. */
function adminPools(state: SystemState): string[] {
  const admin = state.networks.find((n) => n.type === 'admin')
  return state.networkPools
    .filter((a) => a.networkUuid === admin?.uuid)
    .map((a) => state.pools.find((p) => p.uuid === a.poolUuid))
    .map((p) => `${p?.name} ${p?.network}/${p?.prefix} ${p?.floatingAddress} ${p?.gatewayAddress}`)
}

const test = suite('network reconfiguration values')

test('the new values become the admin network; the management gateway gives way', () => {
  const next = reconfiguredValues(STORED, {
    subnet: 'fd05:1::/64',
    startIp: 'fd05:1::2',
    endIp: 'fd05:1::50',
    gatewayIp: 'fd05:1::1',
  })
  assert.is(next.admin_subnet, 'fd05:1::/64')
  assert.is(next.admin_gateway_address, 'fd05:1::1')
  assert.is(next.management_gateway_address, undefined)
  assert.is(next.management_subnet, 'fd01:11::/64', 'the management network itself stays')
})

test('a value the subcloud already has is named by its flag', () => {
  const subcloud = {
    managementSubnet: 'fd01:11::/64',
    managementStartIp: 'fd01:11::2',
    managementEndIp: 'fd01:11::50',
    managementGatewayIp: 'fd01:11::1',
  } as Subcloud
  const inUse = valuesInUse(subcloud, {
    subnet: 'fd01:0011:0::/64,10.1.0.0/24',
    startIp: 'fd05:1::2',
    endIp: 'fd05:1::50',
    gatewayIp: 'fd01:11::1',
  })
  assert.equal(
    inUse.map((v) => v.key),
    ['management_subnet', 'management_gateway_ip'],
  )
  assert.match(inUse[0]?.message ?? '', 'management_subnet fd01:11::/64 already in use by the subcloud')
})

test('a bad value is named by its flag, not by the bootstrap key behind it', () => {
  const parsed = parseCandidate(
    reconfiguredValues(STORED, {
      subnet: 'fd05:1::/64',
      startIp: 'fd06::2',
      endIp: 'fd05:1::50',
      gatewayIp: 'fd05:1::1',
    }),
  )
  assert.not.ok(parsed.ok)
  if (parsed.ok) return
  assert.ok(
    parsed.violations.some(
      (v) => v.key === 'management_start_ip' && v.message.includes('admin_start_address'),
    ),
    JSON.stringify(parsed.violations),
  )
})

test('without an admin network: the commands create it as bootstrap does, and they apply', () => {
  const state = stateOf(STORED)
  const values = candidateOf({
    subnet: 'fd05:1::/64,192.168.5.0/24',
    startIp: 'fd05:1::2,192.168.5.2',
    endIp: 'fd05:1::50,192.168.5.50',
    gatewayIp: 'fd05:1::1,192.168.5.1',
  })
  const commands = reconfigurationCommands(describe(state), values)
  assert.equal(
    commands.map((c) => c.kind),
    ['addrpool-add', 'network-add', 'addrpool-add', 'network-addrpool-assign'],
  )
  const applied = applyAll(state, commands)
  assert.ok(applied.ok, applied.ok ? '' : applied.error.message)
  if (!applied.ok) return
  assert.equal(adminPools(applied.state), [
    'admin-ipv6 fd05:1::/64 fd05:1::2 fd05:1::1',
    'admin-ipv4 192.168.5.0/24 192.168.5.2 192.168.5.1',
  ])
})

test('with an admin network: its pools are modified in place, a dropped family removed', () => {
  const state = stateOf({
    ...STORED,
    management_gateway_address: undefined,
    admin_subnet: 'fd05:1::/64,192.168.5.0/24',
    admin_start_address: 'fd05:1::2,192.168.5.2',
    admin_end_address: 'fd05:1::50,192.168.5.50',
    admin_gateway_address: 'fd05:1::1,192.168.5.1',
  })
  const values = candidateOf({
    subnet: 'fd05:2::/64',
    startIp: 'fd05:2::2',
    endIp: 'fd05:2::50',
    gatewayIp: 'fd05:2::1',
  })
  const commands = reconfigurationCommands(describe(state), values)
  assert.equal(
    commands.map((c) => c.kind),
    ['network-addrpool-remove', 'addrpool-delete', 'addrpool-modify'],
  )
  const applied = applyAll(state, commands)
  assert.ok(applied.ok, applied.ok ? '' : applied.error.message)
  if (!applied.ok) return
  assert.equal(adminPools(applied.state), ['admin-ipv6 fd05:2::/64 fd05:2::2 fd05:2::1'])
})

test('the operational address: the primary admin floating address, else the management start', () => {
  const withAdmin = stateOf({
    ...STORED,
    management_gateway_address: undefined,
    admin_subnet: 'fd05:1::/64,192.168.5.0/24',
    admin_start_address: 'fd05:1::2,192.168.5.2',
    admin_end_address: 'fd05:1::50,192.168.5.50',
    admin_gateway_address: 'fd05:1::1,192.168.5.1',
  })
  assert.is(operationalTarget(describe(withAdmin), '[fd00:11::10]:6000'), '[fd05:1::2]:6000')
  assert.is(operationalTarget(describe(stateOf(STORED)), '[fd00:11::10]:50051'), '[fd01:11::2]:50051')
  const listening = describe(withAdmin, ['[fd00:11::10]:6000', '[FD05:1:0::2]:6000', '192.168.5.2:6000'])
  assert.ok(listensOn(listening, '[fd05:1::2]:6000'), 'listen texts are compared in canonical form')
  assert.not.ok(listensOn(describe(withAdmin, ['[fd00:11::10]:6000']), '[fd05:1::2]:6000'))
})

test.run()
