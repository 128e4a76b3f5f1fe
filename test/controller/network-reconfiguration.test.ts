import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { status } from '@grpc/grpc-js'
import type { ServiceError } from '@grpc/grpc-js'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import type { DescribeResponse__Output, Subcloud__Output, UpdateSubcloudRequest } from '@dc/protos'
import { makeTempDir, removeTempDir } from '../support/index.js'
import { failure, startTestAgent, startTestController, subcloudValues, unary } from './controller-harness.js'
import type { TestAgent, TestController } from './controller-harness.js'

/** Generous for a busy 2-core box; the audit decides within about 2 s. */
const VERDICT_TIMEOUT_MS = 30_000

interface Ctx {
  dir: string
  controller: TestController | undefined
  /** subcloud1: IPv6 single-stack. */
  v6: TestAgent | undefined
  /** subcloud2: dual-stack, IPv6 primary; its IPv4 address must never be dialled. */
  dual: TestAgent | undefined
}

const test = suite<Ctx>('network reconfiguration (subcloud update --management-*)', {
  dir: '',
  controller: undefined,
  v6: undefined,
  dual: undefined,
})

function started(c: Ctx): { controller: TestController; v6: TestAgent; dual: TestAgent } {
  if (c.controller === undefined || c.v6 === undefined || c.dual === undefined) throw new Error('not started')
  return { controller: c.controller, v6: c.v6, dual: c.dual }
}

function update(controller: TestController, request: UpdateSubcloudRequest): Promise<Subcloud__Output> {
  return unary<Subcloud__Output>((o, cb) => controller.dcManager.UpdateSubcloud(request, o, cb))
}

function reconfigure(
  controller: TestController,
  subcloud: string,
  values: { subnet: string; start: string; end: string; gateway: string },
): Promise<Subcloud__Output> {
  return update(controller, {
    subcloud,
    management_subnet: values.subnet,
    management_start_ip: values.start,
    management_end_ip: values.end,
    management_gateway_ip: values.gateway,
  })
}

function errorField(err: ServiceError): string {
  return String(err.metadata.get('dc-error-field')[0] ?? '')
}

/** The admin network's pools as the agent holds them: `name subnet/prefix floating gateway`. */
function adminPools(described: DescribeResponse__Output): string[] {
  const admin = described.networks.find((n) => n.type === 'admin')
  if (admin === undefined) return []
  return described.network_addrpools
    .filter((a) => a.network_uuid === admin.uuid)
    .map((a) => described.address_pools.find((p) => p.uuid === a.address_pool_uuid))
    .map((p) => `${p?.name} ${p?.network}/${p?.prefix} ${p?.floating_address} ${p?.gateway_address}`)
}

/** What a refused request must not have changed: the stored row and the agent's state. */
async function unchanged(
  c: Ctx,
  name: string,
  agent: TestAgent,
  before: { row: Subcloud__Output; generation: string },
): Promise<void> {
  const { controller } = started(c)
  const row = await controller.show(name)
  assert.is(row.deploy_status, 'complete')
  assert.is(row.management_subnet, before.row.management_subnet)
  assert.is(row.management_start_ip, before.row.management_start_ip)
  assert.is(row.management_gateway_ip, before.row.management_gateway_ip)
  assert.is((await agent.describe()).generation, before.generation)
}

async function snapshot(
  c: Ctx,
  name: string,
  agent: TestAgent,
): Promise<{ row: Subcloud__Output; generation: string }> {
  return { row: await started(c).controller.show(name), generation: (await agent.describe()).generation }
}

test.before(async (c) => {
  c.dir = await makeTempDir('dct-reconf-')
  await mkdir(join(c.dir, 'controller'), { recursive: true })
  c.v6 = await startTestAgent(['::1'], join(c.dir, 'subcloud1'))
  c.dual = await startTestAgent(['::1', '127.0.0.1'], join(c.dir, 'subcloud2'))
  c.controller = await startTestController({ dataDir: join(c.dir, 'controller'), auditIntervalMs: 300 })
  const { controller, v6, dual } = started(c)
  await controller.addSubcloud(v6.addresses[0] ?? '', subcloudValues(1, 'ipv6'))
  await controller.addSubcloud(dual.addresses[0] ?? '', subcloudValues(2, 'dual-ipv6-primary'))
  for (const name of ['subcloud1', 'subcloud2']) {
    await controller.waitFor(name, (s) => s.deploy_status === 'complete', 'complete', 120_000)
    await controller.waitFor(name, (s) => s.availability_status === 'online', 'online', VERDICT_TIMEOUT_MS)
  }
})

test.after(async (c) => {
  await c.controller?.stop()
  await c.v6?.stop()
  await c.dual?.stop()
  if (c.dir !== '') await removeTempDir(c.dir)
})

test('bad flags are refused naming the flag, and nothing is written', async (c) => {
  const { controller, v6 } = started(c)
  const before = await snapshot(c, 'subcloud1', v6)
  const partial = await failure(
    update(controller, { subcloud: 'subcloud1', management_subnet: 'fd05:21::/64' }),
  )
  assert.is(partial.code, status.INVALID_ARGUMENT)
  assert.is(errorField(partial), 'management_start_ip')
  assert.match(partial.details, '--management-start-ip, --management-end-ip, --management-gateway-ip missing')

  const values = { subnet: 'fd05:21::/64', start: 'fd05:21::2', end: 'fd05:21::50', gateway: 'fd05:21::1' }
  const badSubnet = await failure(reconfigure(controller, 'subcloud1', { ...values, subnet: 'not-a-subnet' }))
  assert.is(badSubnet.code, status.INVALID_ARGUMENT)
  assert.is(errorField(badSubnet), 'management_subnet')

  const three = await failure(
    reconfigure(controller, 'subcloud1', { ...values, gateway: 'fd05:21::1,10.1.1.1,10.1.1.2' }),
  )
  assert.is(three.code, status.INVALID_ARGUMENT)
  assert.is(errorField(three), 'management_gateway_ip')
  assert.match(three.details, 'at most two')

  const mixed = await failure(
    update(controller, {
      subcloud: 'subcloud1',
      name: 'renamed',
      management_subnet: values.subnet,
      management_start_ip: values.start,
      management_end_ip: values.end,
      management_gateway_ip: values.gateway,
    }),
  )
  assert.is(mixed.code, status.INVALID_ARGUMENT)
  assert.match(mixed.details, '--name')

  const outside = await failure(reconfigure(controller, 'subcloud1', { ...values, start: 'fd06:1::2' }))
  assert.is(outside.code, status.INVALID_ARGUMENT)
  assert.is(errorField(outside), 'management_start_ip')
  await unchanged(c, 'subcloud1', v6, before)
})

test('a managed subcloud, or values it already has, are refused', async (c) => {
  const { controller, v6 } = started(c)
  const before = await snapshot(c, 'subcloud1', v6)
  await unary((o, cb) => controller.dcManager.ManageSubcloud({ subcloud: 'subcloud1' }, o, cb))
  const values = { subnet: 'fd05:21::/64', start: 'fd05:21::2', end: 'fd05:21::50', gateway: 'fd05:21::1' }
  const managed = await failure(reconfigure(controller, 'subcloud1', values))
  assert.is(managed.code, status.FAILED_PRECONDITION)
  assert.match(managed.details, 'must be unmanaged')
  await unary((o, cb) => controller.dcManager.UnmanageSubcloud({ subcloud: 'subcloud1' }, o, cb))

  const same = await failure(
    reconfigure(controller, 'subcloud1', { ...values, subnet: before.row.management_subnet }),
  )
  // The subnet also overlaps the subcloud's own management network: invalid as well.
  assert.is(same.code, status.INVALID_ARGUMENT)
  assert.is(errorField(same), 'management_subnet')
  assert.match(same.details, 'already in use by the subcloud')
  await unchanged(c, 'subcloud1', v6, before)
})

test('breaking the family rule is refused with nothing written', async (c) => {
  const { controller, v6 } = started(c)
  const before = await snapshot(c, 'subcloud1', v6)
  // An IPv4 admin network for an IPv6 subcloud of an IPv6-primary controller.
  const refused = await failure(
    reconfigure(controller, 'subcloud1', {
      subnet: '192.168.121.0/24',
      start: '192.168.121.2',
      end: '192.168.121.50',
      gateway: '192.168.121.1',
    }),
  )
  assert.ok(
    refused.code === status.INVALID_ARGUMENT || refused.code === status.FAILED_PRECONDITION,
    refused.message,
  )
  assert.match(refused.details, /family/i)
  assert.match(refused.details, /management_subnet|management_gateway_ip/)
  await unchanged(c, 'subcloud1', v6, before)
  assert.equal(adminPools(await v6.describe()), [])
})

test("overlapping another subcloud's range is refused with nothing written", async (c) => {
  const { controller, v6 } = started(c)
  const before = await snapshot(c, 'subcloud1', v6)
  // subcloud2's stored range is fd01:12::2-fd01:12::50.
  const refused = await failure(
    reconfigure(controller, 'subcloud1', {
      subnet: 'fd01:12::/64',
      start: 'fd01:12::40',
      end: 'fd01:12::90',
      gateway: 'fd01:12::1',
    }),
  )
  assert.is(refused.code, status.FAILED_PRECONDITION)
  assert.is(errorField(refused), 'management_start_ip')
  assert.match(refused.details, 'overlaps with that of subcloud subcloud2')
  await unchanged(c, 'subcloud1', v6, before)
})

test('an IPv6 single-stack subcloud moves to a new management subnet: online and in-sync after', async (c) => {
  const { controller, v6 } = started(c)
  const done = await reconfigure(controller, 'subcloud1', {
    subnet: 'fd05:21::/64',
    start: 'fd05:21::2',
    end: 'fd05:21::50',
    gateway: 'fd05:21::1',
  })
  assert.is(done.deploy_status, 'complete')
  assert.is(done.management_subnet, 'fd05:21::/64')
  assert.is(done.management_start_ip, 'fd05:21::2')
  assert.is(done.management_end_ip, 'fd05:21::50')
  assert.is(done.management_gateway_ip, 'fd05:21::1')
  const described = await v6.describe()
  assert.equal(adminPools(described), ['admin-ipv6 fd05:21::/64 fd05:21::2 fd05:21::1'])
  await unary((o, cb) => controller.dcManager.ManageSubcloud({ subcloud: 'subcloud1' }, o, cb))
  const synced = await controller.waitFor(
    'subcloud1',
    (s) => s.availability_status === 'online' && s.sync === 'in-sync',
    'online and in-sync',
    VERDICT_TIMEOUT_MS,
  )
  assert.is(synced.management_subnet, 'fd05:21::/64')
  await unary((o, cb) => controller.dcManager.UnmanageSubcloud({ subcloud: 'subcloud1' }, o, cb))
})

test('the overlap index follows: the new range is taken, the old one is free', async (c) => {
  const { controller, dual } = started(c)
  const before = await snapshot(c, 'subcloud2', dual)
  const taken = await failure(
    reconfigure(controller, 'subcloud2', {
      subnet: 'fd05:21::/64,192.168.122.0/24',
      start: 'fd05:21::10,192.168.122.2',
      end: 'fd05:21::20,192.168.122.50',
      gateway: 'fd05:21::1,192.168.122.1',
    }),
  )
  assert.is(taken.code, status.FAILED_PRECONDITION)
  assert.match(taken.details, 'overlaps with that of subcloud subcloud1')
  await unchanged(c, 'subcloud2', dual, before)
})

test('a dual-stack subcloud moves to new dual-stack subnets, primary first: online and in-sync after', async (c) => {
  const { controller, dual } = started(c)
  // subcloud1's range before its reconfiguration: free again.
  const done = await reconfigure(controller, 'subcloud2', {
    subnet: 'fd01:11::/64,192.168.122.0/24',
    start: 'fd01:11::2,192.168.122.2',
    end: 'fd01:11::50,192.168.122.50',
    gateway: 'fd01:11::1,192.168.122.1',
  })
  assert.is(done.deploy_status, 'complete')
  assert.is(done.management_subnet, 'fd01:11::/64')
  assert.is(done.management_start_ip, 'fd01:11::2')
  assert.equal(adminPools(await dual.describe()), [
    'admin-ipv6 fd01:11::/64 fd01:11::2 fd01:11::1',
    'admin-ipv4 192.168.122.0/24 192.168.122.2 192.168.122.1',
  ])
  await unary((o, cb) => controller.dcManager.ManageSubcloud({ subcloud: 'subcloud2' }, o, cb))
  await controller.waitFor(
    'subcloud2',
    (s) => s.availability_status === 'online' && s.sync === 'in-sync',
    'online and in-sync',
    VERDICT_TIMEOUT_MS,
  )
  await unary((o, cb) => controller.dcManager.UnmanageSubcloud({ subcloud: 'subcloud2' }, o, cb))

  // Reconfigured again, in place: the admin pools are modified, the secondary one dropped.
  const again = await reconfigure(controller, 'subcloud2', {
    subnet: 'fd05:22::/64',
    start: 'fd05:22::2',
    end: 'fd05:22::50',
    gateway: 'fd05:22::1',
  })
  assert.is(again.management_subnet, 'fd05:22::/64')
  assert.equal(adminPools(await dual.describe()), ['admin-ipv6 fd05:22::/64 fd05:22::2 fd05:22::1'])
  // Every call went to the primary address.
  assert.is(await dual.callsOn(dual.addresses[1] ?? ''), 0)
})

test.run()
