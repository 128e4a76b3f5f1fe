import { Server, ServerCredentials, credentials, status } from '@grpc/grpc-js'
import type { ServiceError } from '@grpc/grpc-js'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { applyAll, emptyState, markInitialConfigComplete } from '@dc/netmodel'
import type { Command, SystemState } from '@dc/netmodel'
import { loadProtos } from '@dc/protos'
import type {
  AddressPoolMutation__Output,
  ListAddressPoolsResponse__Output,
  ListNetworksResponse__Output,
  Network__Output,
  PlanResponse__Output,
  PlatformClient,
  System__Output,
} from '@dc/protos'
import { unary } from '@dc/test-support'
import { ERROR_FIELD_METADATA_KEY } from '../src/grpc-status.js'
import { commandMessage } from '../src/command-messages.js'
import { createPlatformHandlers } from '../src/platform-handlers.js'
import type { PlatformPort } from '../src/platform-port.js'

const SITE: Command[] = [
  {
    kind: 'addrpool-add',
    name: 'oam-ipv6',
    network: 'fd00::',
    prefix: 64,
    floatingAddress: 'fd00::2',
    gatewayAddress: 'fd00::1',
  },
  { kind: 'network-add', name: 'oam', type: 'oam', dynamic: false, pool: 'oam-ipv6' },
  { kind: 'addrpool-add', name: 'management-ipv6', network: 'fd01::', prefix: 64 },
  { kind: 'network-add', name: 'mgmt', type: 'mgmt', dynamic: true, pool: 'management-ipv6' },
]

function site(): SystemState {
  const empty = emptyState({
    uuid: '0b9f7c3e-5d2a-4e61-9c1b-7a8d2f4e6c10',
    name: 'subcloud1',
    systemMode: 'duplex',
    distributedCloudRole: 'subcloud',
    softwareVersion: '24.09',
  })
  const result = applyAll(empty, SITE)
  if (!result.ok) throw result.error
  return markInitialConfigComplete(result.state)
}

/** An in-memory site; `broken` makes every call fail the way a bug would. */
class MemoryPort implements PlatformPort {
  current = site()
  broken = false

  async state(): Promise<SystemState> {
    if (this.broken) throw new TypeError('cannot read properties of undefined')
    return this.current
  }

  async apply(commands: readonly Command[]) {
    const previous = this.current
    const result = applyAll(previous, commands)
    if (!result.ok) throw result.error
    this.current = result.state
    return { previous, state: result.state, effects: result.effects }
  }
}

interface Ctx {
  server: Server
  client: PlatformClient
  port: MemoryPort
}

async function failure(call: Promise<unknown>): Promise<ServiceError> {
  try {
    await call
  } catch (err) {
    return err as ServiceError
  }
  throw new Error('expected the call to fail')
}

const Handlers = suite<Ctx>('createPlatformHandlers')

Handlers.before.each(async (ctx) => {
  ctx.port = new MemoryPort()
  ctx.server = new Server()
  const { dc } = loadProtos()
  ctx.server.addService(dc.platform.v1.Platform.service, createPlatformHandlers(ctx.port))
  const port = await new Promise<number>((resolve, reject) =>
    ctx.server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (err, p) =>
      err ? reject(err) : resolve(p),
    ),
  )
  ctx.client = new dc.platform.v1.Platform(`127.0.0.1:${port}`, credentials.createInsecure())
})

Handlers.after.each((ctx) => {
  ctx.client.close()
  ctx.server.forceShutdown()
})

Handlers('createPlatformHandlers - reads the system and lists rows ordered by id', async ({ client }) => {
  const system = await unary<System__Output>((o, cb) => client.GetSystem({}, o, cb))
  assert.equal(
    [system.name, system.system_mode, system.system_type, system.generation],
    ['subcloud1', 'duplex', 'All-in-one', '4'],
  )
  const networks = await unary<ListNetworksResponse__Output>((o, cb) => client.ListNetworks({}, o, cb))
  assert.equal(
    networks.networks.map((n) => [n.name, n.primary_pool_family]),
    [
      ['oam', 'IPv6'],
      ['mgmt', 'IPv6'],
    ],
  )
})

Handlers(
  'createPlatformHandlers - finds a network by name, uuid or id, and answers NOT_FOUND otherwise',
  async ({ client }) => {
    const byName = await unary<Network__Output>((o, cb) => client.GetNetwork({ network: 'mgmt' }, o, cb))
    const byUuid = await unary<Network__Output>((o, cb) => client.GetNetwork({ network: byName.uuid }, o, cb))
    const byId = await unary<Network__Output>((o, cb) =>
      client.GetNetwork({ network: String(byName.id) }, o, cb),
    )
    assert.equal(byUuid, byName)
    assert.equal(byId, byName)
    const missing = await failure(unary((o, cb) => client.GetNetwork({ network: 'storage' }, o, cb)))
    assert.is(missing.code, status.NOT_FOUND)
  },
)

Handlers(
  'createPlatformHandlers - adds a pool and answers with it, its effects and the new generation',
  async ({ client, port }) => {
    const added = await unary<AddressPoolMutation__Output>((o, cb) =>
      client.AddAddressPool({ name: 'oam-ipv4', network: '10.10.204.0', prefix: 24 }, o, cb),
    )
    assert.is(added.address_pool?.name, 'oam-ipv4')
    assert.is(added.address_pool?.family, 'IPv4')
    assert.is(added.generation, String(port.current.generation))
    const deleted = await unary<AddressPoolMutation__Output>((o, cb) =>
      client.DeleteAddressPool({ pool: 'oam-ipv4' }, o, cb),
    )
    assert.is(deleted.address_pool?.uuid, added.address_pool?.uuid, 'the pool as it was before deletion')
  },
)

Handlers(
  'createPlatformHandlers - malformed requests are INVALID_ARGUMENT naming the field, and change nothing',
  async ({ client, port }) => {
    const before = port.current
    const err = await failure(
      unary((o, cb) => client.AddAddressPool({ network: '10.10.204.0', prefix: 24 }, o, cb)),
    )
    assert.is(err.code, status.INVALID_ARGUMENT)
    assert.equal(err.metadata.get(ERROR_FIELD_METADATA_KEY), ['name'])
    const badType = await failure(unary((o, cb) => client.ListAddressPools({ network_type: 'bogus' }, o, cb)))
    assert.is(badType.code, status.INVALID_ARGUMENT)
    assert.is(port.current, before)
  },
)

Handlers('createPlatformHandlers - filters pools by network type, primary first', async ({ client }) => {
  const oam = await unary<ListAddressPoolsResponse__Output>((o, cb) =>
    client.ListAddressPools({ network_type: 'oam' }, o, cb),
  )
  assert.equal(
    oam.address_pools.map((p) => p.name),
    ['oam-ipv6'],
  )
  const none = await unary<ListAddressPoolsResponse__Output>((o, cb) =>
    client.ListAddressPools({ network_type: 'admin' }, o, cb),
  )
  assert.equal(none.address_pools, [])
})

Handlers(
  'createPlatformHandlers - Plan evaluates without changing and stops at the first refusal',
  async ({ client, port }) => {
    const before = port.current
    const ok = await unary<PlanResponse__Output>((o, cb) =>
      client.Plan(
        {
          commands: [
            commandMessage({ kind: 'addrpool-add', name: 'oam-ipv4', network: '10.10.204.0', prefix: 24 }),
            commandMessage({ kind: 'network-addrpool-assign', network: 'oam', pool: 'oam-ipv4' }),
          ],
        },
        o,
        cb,
      ),
    )
    assert.is(ok.accepted, true)
    assert.equal([ok.base_generation, ok.generation], ['4', '6'])
    assert.equal(
      ok.results.map((r) => r.outcome),
      ['applied', 'applied'],
    )
    const refused = await unary<PlanResponse__Output>((o, cb) =>
      client.Plan(
        {
          commands: [
            commandMessage({ kind: 'host-lock', host: 'controller-1' }),
            commandMessage({ kind: 'host-lock', host: 'controller-7' }),
            commandMessage({ kind: 'host-unlock', host: 'controller-1' }),
          ],
        },
        o,
        cb,
      ),
    )
    assert.is(refused.accepted, false)
    assert.is(refused.generation, refused.base_generation)
    assert.equal(
      refused.results.map((r) => [r.index, r.outcome]),
      [
        [0, 'applied'],
        [1, 'rejected'],
      ],
    )
    assert.is(refused.results[1]?.rejected?.category, 'not-found')
    assert.is(port.current, before)
  },
)

Handlers(
  'createPlatformHandlers - an unexpected failure is INTERNAL with a generic message',
  async ({ client, port }) => {
    port.broken = true
    const err = await failure(unary((o, cb) => client.ListHosts({}, o, cb)))
    assert.is(err.code, status.INTERNAL)
    assert.is(err.details, 'Internal error')
  },
)

Handlers.run()
