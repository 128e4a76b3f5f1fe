import { credentials, loadPackageDefinition, Server, ServerCredentials } from '@grpc/grpc-js'
import type { Client, ServiceClientConstructor } from '@grpc/grpc-js'
import { loadSync } from '@grpc/proto-loader'
import { protoPath as healthProtoPath } from 'grpc-health-check'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import {
  addStandardServices,
  loadProtoDefinition,
  loadProtos,
  protoLocation,
  SERVICE_NAMES,
} from '../src/index.js'
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
    'dc/manager/v1/manager.proto',
    'dc/platform/v1/platform.proto',
  ])
  assert.is(options.longs, String)
  assert.is(options.keepCase, true)
  assert.ok('dc.manager.v1.Subcloud' in loadProtoDefinition())
})

interface HealthClient extends Client {
  check(
    request: { service: string },
    callback: (error: Error | null, response?: { status: string }) => void,
  ): void
}

const AddStandardServices = suite<{ server: Server; health?: HealthClient }>('addStandardServices', {
  server: new Server(),
})

AddStandardServices.after((ctx) => {
  ctx.health?.close()
  ctx.server.forceShutdown()
})

AddStandardServices(
  'addStandardServices - serves health SERVING, then NOT_SERVING when flipped',
  async (ctx) => {
    const healthImpl = addStandardServices(ctx.server, { serviceNames: [SERVICE_NAMES.agent] })
    const port = await new Promise<number>((resolve, reject) => {
      ctx.server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (error, bound) =>
        error ? reject(error) : resolve(bound),
      )
    })
    const healthProto = loadPackageDefinition(
      loadSync(healthProtoPath, protoLocation().options),
    ) as unknown as {
      grpc: { health: { v1: { Health: ServiceClientConstructor } } }
    }
    const Health = healthProto.grpc.health.v1.Health
    const health = new Health(`127.0.0.1:${port}`, credentials.createInsecure()) as unknown as HealthClient
    ctx.health = health
    const check = (service: string) =>
      new Promise<string>((resolve, reject) => {
        health.check({ service }, (error, response) =>
          error ? reject(error) : resolve(response?.status ?? ''),
        )
      })
    assert.is(await check(''), 'SERVING')
    assert.is(await check(SERVICE_NAMES.agent), 'SERVING')
    healthImpl.setStatus(SERVICE_NAMES.agent, 'NOT_SERVING')
    assert.is(await check(SERVICE_NAMES.agent), 'NOT_SERVING')
    await check(SERVICE_NAMES.platform).then(
      () => assert.unreachable('an unregistered service must be NOT_FOUND'),
      (error: unknown) => assert.match(String(error), /NOT_FOUND/),
    )
  },
)

LoadProtos.run()
AddStandardServices.run()
