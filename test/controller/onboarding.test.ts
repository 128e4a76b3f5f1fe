import { join } from 'node:path'
import { mkdir } from 'node:fs/promises'
import { status } from '@grpc/grpc-js'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import type {
  AddressPoolMutation__Output,
  ListAddressPoolsResponse__Output,
  ListAlarmsResponse__Output,
  ListNetworksResponse__Output,
  Subcloud__Output,
  System__Output,
} from '@dc/protos'
import { makeTempDir, removeTempDir, startPostgres } from '../support/index.js'
import type { PostgresServer } from '../support/index.js'
import {
  CONTROLLER_VALUES,
  failure,
  rawPlatformCall,
  regionMetadata,
  startTestAgent,
  startTestController,
  subcloudValues,
  unary,
} from './controller-harness.js'
import type { TestAgent, TestController } from './controller-harness.js'

type StoreKind = 'PGlite' | 'PostgreSQL'

interface Ctx {
  dir: string
  postgres: PostgresServer | undefined
  databaseUrl: string | undefined
  controller: TestController | undefined
  ipv6Agent: TestAgent | undefined
  dualAgent: TestAgent | undefined
  ipv4Agent: TestAgent | undefined
}

function ctxOf(c: Ctx): Required<{ [K in keyof Ctx]: NonNullable<Ctx[K]> }> {
  for (const key of ['controller', 'ipv6Agent', 'dualAgent', 'ipv4Agent'] as const) {
    if (c[key] === undefined) throw new Error(`${key} was not started`)
  }
  return c as Required<{ [K in keyof Ctx]: NonNullable<Ctx[K]> }>
}

/**
 * The whole onboarding story against one store: a dual-stack IPv6-primary controller onboards an
 * IPv6-only subcloud and a dual-stack IPv6-primary one, refuses an IPv4-primary one before writing
 * anything, forwards `system` calls and pool changes to the subclouds, and survives a restart;
 * throughout, the dual-stack agent sees no call at all on its IPv4 (secondary) address.
 */
function onboardingSuite(kind: StoreKind) {
  const test = suite<Ctx>(`dc-controller on ${kind}`, {
    dir: '',
    postgres: undefined,
    databaseUrl: undefined,
    controller: undefined,
    ipv6Agent: undefined,
    dualAgent: undefined,
    ipv4Agent: undefined,
  })

  const startController = (c: Ctx) =>
    startTestController({ dataDir: join(c.dir, 'controller'), databaseUrl: c.databaseUrl })

  test.before(async (c) => {
    c.dir = await makeTempDir(`dct-controller-${kind.toLowerCase()}-`)
    if (kind === 'PostgreSQL') {
      c.postgres = await startPostgres()
      c.databaseUrl = await c.postgres.createDatabase('controller')
    }
    await mkdir(join(c.dir, 'controller'), { recursive: true })
    ;[c.ipv6Agent, c.dualAgent, c.ipv4Agent] = await Promise.all([
      startTestAgent(['::1'], join(c.dir, 'subcloud1')),
      startTestAgent(['::1', '127.0.0.1'], join(c.dir, 'subcloud2')),
      startTestAgent(['127.0.0.1'], join(c.dir, 'subcloud3')),
    ])
    c.controller = await startController(c)
  })

  test.after(async (c) => {
    await c.controller?.stop()
    await Promise.all([c.ipv6Agent?.stop(), c.dualAgent?.stop(), c.ipv4Agent?.stop()])
    await c.postgres?.stop()
    if (c.dir !== '') await removeTempDir(c.dir)
  })

  test('dc-controller - serves its own system as region SystemController', async (c) => {
    const { controller } = ctxOf(c)
    const system = await unary<System__Output>((o, cb) => controller.platform.GetSystem({}, o, cb))
    assert.is(system.name, 'central')
    assert.is(system.distributed_cloud_role, 'systemcontroller')
    assert.is(system.region_name, 'SystemController')
    const networks = await unary<ListNetworksResponse__Output>((o, cb) =>
      controller.platform.ListNetworks({}, regionMetadata('SystemController'), o, cb),
    )
    const oam = networks.networks.find((n) => n.type === 'oam')
    assert.is(oam?.primary_pool_family, 'IPv6')
  })

  test('subcloud add - onboards an IPv6-only and a dual-stack IPv6-primary subcloud to complete', async (c) => {
    const { controller, ipv6Agent, dualAgent } = ctxOf(c)
    const added1 = await controller.addSubcloud(ipv6Agent.addresses[0] ?? '', subcloudValues(1, 'ipv6'))
    assert.is(added1.deploy_status, 'not-deployed')
    assert.is(added1.management_state, 'unmanaged')
    assert.is(added1.availability_status, 'offline')
    assert.is(added1.external_oam_subnet_ip_family, '6')
    assert.match(added1.region_name, /^[0-9a-f]{32}$/)
    const added2 = await controller.addSubcloud(
      dualAgent.addresses[0] ?? '',
      subcloudValues(2, 'dual-ipv6-primary'),
    )
    assert.is(added2.management_subnet, 'fd01:12::/64', 'only the primary management subnet is stored')
    for (const name of ['subcloud1', 'subcloud2']) {
      await controller.waitFor(name, (s) => s.deploy_status === 'complete', 'complete')
      await controller.waitFor(name, (s) => s.availability_status === 'online', 'online')
      const managed = await unary((o, cb) => controller.dcManager.ManageSubcloud({ subcloud: name }, o, cb))
      assert.ok(managed)
      const synced = await controller.waitFor(name, (s) => s.sync === 'in-sync', 'in-sync')
      assert.is(synced.management_state, 'managed')
      assert.is(
        synced.endpoint_sync_status.find((e) => e.endpoint_type === 'platform')?.sync_status,
        'in-sync',
      )
    }
    assert.not.match(controller.process.output(), /Secr3t/, 'bootstrap secrets stay out of the logs')
    const described = await dualAgent.describe()
    assert.ok(described.bootstrapped)
    assert.is(described.system?.distributed_cloud_role, 'subcloud')
  })

  test('subcloud add - refuses an IPv4-primary subcloud before writing anything', async (c) => {
    const { controller, ipv4Agent } = ctxOf(c)
    const before = await controller.list()
    const err = await failure(controller.addSubcloud(ipv4Agent.addresses[0] ?? '', subcloudValues(3, 'ipv4')))
    assert.ok(
      err.code === status.FAILED_PRECONDITION || err.code === status.INVALID_ARGUMENT,
      `unexpected status ${err.code}: ${err.details}`,
    )
    assert.match(err.details, /OAM/)
    assert.match(err.details, /mgmt|management|admin/)
    assert.match(err.details, /IPv4/)
    assert.match(err.details, /IPv6/)
    assert.match(err.details, /external_oam_subnet/)
    const after = await controller.list()
    assert.equal(
      after.map((s) => s.name),
      before.map((s) => s.name),
    )
    const notFound = await failure(
      unary((o, cb) => controller.dcManager.GetSubcloud({ subcloud: 'subcloud3' }, o, cb)),
    )
    assert.is(notFound.code, status.NOT_FOUND)
    const described = await ipv4Agent.describe()
    assert.not.ok(described.bootstrapped, 'the refused agent was never bootstrapped')
  })

  test('subcloud add - refuses a bootstrap address of the secondary family', async (c) => {
    const { controller, dualAgent } = ctxOf(c)
    const values = subcloudValues(4, 'dual-ipv6-primary')
    const err = await failure(controller.addSubcloud(dualAgent.addresses[1] ?? '', values))
    assert.is(err.code, status.INVALID_ARGUMENT)
    assert.match(err.details, /bootstrap_address/)
    assert.match(err.details, /primary OAM family/)
  })

  test('Platform - forwards reads and pool changes to the subcloud over its primary address', async (c) => {
    const { controller } = ctxOf(c)
    const networks = await unary<ListNetworksResponse__Output>((o, cb) =>
      controller.platform.ListNetworks({}, regionMetadata('subcloud2'), o, cb),
    )
    const mgmt = networks.networks.find((n) => n.type === 'mgmt')
    assert.is(mgmt?.primary_pool_family, 'IPv6')
    const subcloud2 = await controller.show('subcloud2')
    const system = await unary<System__Output>((o, cb) =>
      controller.platform.GetSystem({}, regionMetadata(subcloud2.region_name), o, cb),
    )
    assert.is(system.distributed_cloud_role, 'subcloud')

    const added = await unary<AddressPoolMutation__Output>((o, cb) =>
      controller.platform.AddAddressPool(
        { name: 'storage-ipv6', network: 'fd05:12::', prefix: 64, order: 'random', ranges: [] },
        regionMetadata('subcloud2'),
        o,
        cb,
      ),
    )
    assert.is(added.address_pool?.name, 'storage-ipv6')
    // The pushed change is what the controller now expects: the subcloud stays in sync.
    await controller.waitFor('subcloud2', (s) => s.sync === 'in-sync', 'in-sync after the pushed change')
    const shown = await unary<Subcloud__Output>((o, cb) =>
      controller.dcManager.GetSubcloud({ subcloud: 'subcloud2', detail: true }, o, cb),
    )
    assert.is(shown.detail?.agent_config_hash, shown.detail?.expected_config_hash)
    assert.is(shown.detail?.oam_floating_ip, 'fd00:12::2')

    const rejected = await failure(
      unary((o, cb) =>
        controller.platform.AddAddressPool(
          { name: 'bad', network: '10.0.0.1', prefix: 24, order: 'random', ranges: [] },
          regionMetadata('subcloud2'),
          o,
          cb,
        ),
      ),
    )
    assert.is(rejected.code, status.INVALID_ARGUMENT, 'the agent status comes back unchanged')
  })

  test('Platform - unknown region is NOT_FOUND; alarms list is region-aware', async (c) => {
    const { controller } = ctxOf(c)
    const err = await failure(
      unary((o, cb) => controller.platform.ListHosts({}, regionMetadata('nowhere'), o, cb)),
    )
    assert.is(err.code, status.NOT_FOUND)
    assert.match(err.details, /nowhere/)
    const alarms = await unary<ListAlarmsResponse__Output>((o, cb) =>
      controller.platform.ListAlarms({}, o, cb),
    )
    assert.ok(Array.isArray(alarms.alarms))
    const subcloudAlarms = await unary<ListAlarmsResponse__Output>((o, cb) =>
      controller.platform.ListAlarms({}, regionMetadata('subcloud1'), o, cb),
    )
    assert.ok(subcloudAlarms.alarms.every((a) => !a.entity_instance_id.startsWith('subcloud=')))
  })

  test('Platform - a change without a readable dc-region-name is refused, never applied to the controller', async (c) => {
    const { controller } = ctxOf(c)
    const pool = { name: 'misrouted', network: 'fd05:99::', prefix: 64, order: 'random', ranges: [] }
    // grpc-js drops a header value with a tab on the server side: the call arrives without a region.
    const read = await rawPlatformCall(
      controller.address,
      'GetSystem',
      {},
      { 'dc-region-name': 'subcloud2\tx' },
    )
    assert.is(read.code, status.OK, 'a read without a region still answers for the controller')
    for (const headers of [{ 'dc-region-name': 'subcloud2\tx' }, {}]) {
      const refused = await rawPlatformCall(controller.address, 'AddAddressPool', pool, headers)
      assert.is(refused.code, status.INVALID_ARGUMENT)
      assert.match(refused.message, 'dc-region-name missing or unreadable on AddAddressPool')
    }
    for (const region of ['SystemController', 'subcloud2']) {
      const pools = await unary<ListAddressPoolsResponse__Output>((o, cb) =>
        controller.platform.ListAddressPools({}, regionMetadata(region), o, cb),
      )
      assert.not.ok(
        pools.address_pools.some((p) => p.name === 'misrouted'),
        `no pool created on ${region}`,
      )
    }
  })

  test('dc-controller - a restart keeps the fleet and comes back online over the primary address', async (c) => {
    const exit = await c.controller?.stop()
    assert.is(exit, 0, 'graceful stop exits 0')
    c.controller = await startController(c)
    const { controller } = ctxOf(c)
    for (const name of ['subcloud1', 'subcloud2']) {
      const s = await controller.waitFor(
        name,
        (x) => x.availability_status === 'online',
        'online after restart',
      )
      assert.is(s.deploy_status, 'complete')
      assert.is(s.management_state, 'managed')
      await controller.waitFor(name, (x) => x.sync === 'in-sync', 'in-sync after restart')
    }
  })

  test('dc-controller - refuses to start with different bootstrap values, naming the keys', async (c) => {
    const { controller } = ctxOf(c)
    await controller.stop()
    const err = await startTestController({
      dataDir: join(c.dir, 'controller'),
      databaseUrl: c.databaseUrl,
      values: { ...CONTROLLER_VALUES, name: 'renamed' },
    }).then(
      () => undefined,
      (e: unknown) => e as Error,
    )
    assert.ok(err, 'the controller must refuse to start')
    assert.match(String(err), /name/)
    assert.match(String(err), /differ/)
    c.controller = await startController(c)
  })

  test('invariant - the dual-stack agent served no call on its secondary (IPv4) address', async (c) => {
    const { dualAgent } = ctxOf(c)
    const [primary, secondary] = dualAgent.addresses
    assert.ok((await dualAgent.callsOn(primary ?? '')) > 0, 'the controller did talk to the primary address')
    assert.is(await dualAgent.callsOn(secondary ?? ''), 0)
  })

  return test
}

onboardingSuite('PGlite').run()
onboardingSuite('PostgreSQL').run()
