import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { loadProtoDefinition, loadProtos, protoLocation } from '../src/index.js'
import type { Command, Command__Output } from '../src/index.js'

const LoadProtos = suite('loadProtos')

LoadProtos('loadProtos - returns one cached object with typed service definitions', () => {
  const protos = loadProtos()
  assert.is(loadProtos(), protos)
  const services = [
    [
      protos.dc.platform.v1.Platform.service,
      ['GetSystem', 'AddAddressPool', 'ModifyAddressPool', 'Plan', 'ListAlarms'],
    ],
    [protos.dc.agent.v1.Agent.service, ['Bootstrap', 'Describe', 'Apply', 'Watch', 'Claim']],
    [protos.dc.manager.v1.DcManager.service, ['AddSubcloud', 'ManageSubcloud', 'MigrateSubcloudPeerGroup']],
  ] as const
  for (const [service, methods] of services) {
    for (const method of methods) assert.type(service[method as keyof typeof service], 'object', method)
  }
  assert.is(protos.dc.agent.v1.Agent.service.Watch.responseStream, true)
  assert.is(protos.dc.agent.v1.Agent.service.Apply.responseStream, false)
  assert.is(protos.dc.platform.v1.Platform.service.GetSystem.path, '/dc.platform.v1.Platform/GetSystem')
})

LoadProtos('loadProtos - round-trips a Command oneof with explicit presence through the wire format', () => {
  const { Command } = loadProtos().dc.platform.v1
  const sent: Command = {
    addrpool_modify: {
      pool: 'oam-ipv4',
      prefix: 24,
      floating_address: { address: '10.20.2.2' },
      gateway_address: { clear: true },
      ranges: { ranges: [] },
    },
  }
  const got: Command__Output = Command.deserialize(Command.serialize(sent))
  assert.is(got.command, 'addrpool_modify')
  const modify = got.addrpool_modify
  assert.ok(modify)
  assert.is(modify.pool, 'oam-ipv4')
  assert.is(modify.prefix, 24)
  assert.is(modify._prefix, 'prefix')
  // Fields the sender left out stay absent rather than defaulting, so modify means "unchanged".
  assert.is(modify.name, undefined)
  assert.is(modify.network, undefined)
  assert.is(modify.controller0_address, null)
  assert.equal(modify.floating_address, { address: '10.20.2.2', update: 'address' })
  assert.equal(modify.gateway_address, { clear: true, update: 'clear' })
  // A present-but-empty range list survives, distinct from an absent one.
  assert.equal(modify.ranges, { ranges: [] })
  assert.is(got.addrpool_add, undefined)
})

LoadProtos('loadProtos - decodes 64-bit fields as decimal strings, as the generated types say', () => {
  const { ApplyRequest } = loadProtos().dc.agent.v1
  const got = ApplyRequest.deserialize(
    ApplyRequest.serialize({ change_id: 'c1', epoch: '18446744073709551615', expected_generation: 0 }),
  )
  assert.is(got.epoch, '18446744073709551615')
  // 0 is sent when explicitly present: the agent must check the generation against it.
  assert.is(got.expected_generation, '0')
  assert.is(
    ApplyRequest.deserialize(ApplyRequest.serialize({ change_id: 'c2' })).expected_generation,
    undefined,
  )
})

LoadProtos('loadProtos - reads the proto files and options shared with the gen script', () => {
  const { files, options } = protoLocation()
  assert.equal([...files].sort(), [
    'dc/agent/v1/agent.proto',
    'dc/geo/v1/geo.proto',
    'dc/manager/v1/manager.proto',
    'dc/platform/v1/platform.proto',
  ])
  assert.is(options.longs, String)
  assert.is(options.keepCase, true)
  assert.ok('dc.manager.v1.Subcloud' in loadProtoDefinition())
  assert.ok('dc.geo.v1.GeoEvent' in loadProtoDefinition())
})

LoadProtos.run()
