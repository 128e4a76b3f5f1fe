import { join } from 'node:path'
import { mkdir } from 'node:fs/promises'
import { status } from '@grpc/grpc-js'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import type { DescribeResponse__Output, Subcloud__Output } from '@dc/protos'
import { makeTempDir, removeTempDir } from '../support/index.js'
import {
  failure,
  startTestAgent,
  startTestController,
  subcloudValues,
  unary,
  valuesYaml,
} from './controller-harness.js'
import type { TestAgent, TestController, Values } from './controller-harness.js'

interface Ctx {
  dir: string
  controller: TestController | undefined
  second: TestController | undefined
  agent1: TestAgent | undefined
  agent2: TestAgent | undefined
}

const test = suite<Ctx>('deploy recovery', {
  dir: '',
  controller: undefined,
  second: undefined,
  agent1: undefined,
  agent2: undefined,
})

function need<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`${what} was not started`)
  return value
}

async function startController(c: Ctx, name: string): Promise<TestController> {
  const dataDir = join(c.dir, name)
  await mkdir(dataDir, { recursive: true })
  return startTestController({ dataDir })
}

const call = {
  redeploy: (ctl: TestController, subcloud: string, values: Values) =>
    unary<Subcloud__Output>((o, cb) =>
      ctl.dcManager.RedeploySubcloud({ subcloud, bootstrap_values_yaml: valuesYaml(values) }, o, cb),
    ),
  resume: (ctl: TestController, subcloud: string) =>
    unary<Subcloud__Output>((o, cb) => ctl.dcManager.ResumeSubcloudDeploy({ subcloud }, o, cb)),
  abort: (ctl: TestController, subcloud: string) =>
    unary<Subcloud__Output>((o, cb) => ctl.dcManager.AbortSubcloudDeploy({ subcloud }, o, cb)),
  remove: (ctl: TestController, subcloud: string) =>
    unary<Subcloud__Output>((o, cb) => ctl.dcManager.DeleteSubcloud({ subcloud }, o, cb)),
  migrate: (ctl: TestController, address: string, values: Values) =>
    unary<Subcloud__Output>((o, cb) =>
      ctl.dcManager.AddSubcloud(
        { bootstrap_address: address, bootstrap_values_yaml: valuesYaml(values), migrate: true },
        o,
        cb,
      ),
    ),
  manage: (ctl: TestController, subcloud: string, managed: boolean) =>
    unary<Subcloud__Output>((o, cb) =>
      managed
        ? ctl.dcManager.ManageSubcloud({ subcloud }, o, cb)
        : ctl.dcManager.UnmanageSubcloud({ subcloud }, o, cb),
    ),
}

async function deployedOnline(ctl: TestController, name: string): Promise<Subcloud__Output> {
  await ctl.waitFor(name, (s) => s.deploy_status === 'complete', 'complete', 120_000)
  return ctl.waitFor(name, (s) => s.availability_status === 'online', 'online', 60_000)
}

/** The management pool's range end the agent reports. */
function managementEnd(described: DescribeResponse__Output): string | undefined {
  const mgmt = described.networks.find((n) => n.type === 'mgmt')
  return described.address_pools.find((p) => p.uuid === mgmt?.pool_uuid)?.ranges.at(-1)?.end
}

test.before(async (c) => {
  c.dir = await makeTempDir('dct-deploy-recovery-')
  ;[c.agent1, c.agent2] = await Promise.all([
    startTestAgent(['::1'], join(c.dir, 'subcloud1')),
    startTestAgent(['::1'], join(c.dir, 'subcloud2')),
  ])
  c.controller = await startController(c, 'controller')
})

test.after(async (c) => {
  await Promise.all([c.controller?.stop(), c.second?.stop()])
  await Promise.all([c.agent1?.stop(), c.agent2?.stop()])
  if (c.dir !== '') await removeTempDir(c.dir)
})

test('deploy abort - a deploy waiting for its stopped agent is aborted; deploy resume then completes it', async (c) => {
  const controller = need(c.controller, 'controller')
  const agent = need(c.agent1, 'agent1')
  await agent.stop()
  await controller.addSubcloud(agent.addresses[0] ?? '', subcloudValues(1, 'ipv6'))
  await controller.waitFor('subcloud1', (s) => s.deploy_status === 'pre-bootstrap', 'pre-bootstrap')
  const aborting = await call.abort(controller, 'subcloud1')
  assert.ok(
    ['aborting-bootstrap', 'bootstrap-aborted'].includes(aborting.deploy_status),
    aborting.deploy_status,
  )
  const aborted = await controller.waitFor(
    'subcloud1',
    (s) => s.deploy_status === 'bootstrap-aborted',
    'bootstrap-aborted',
  )
  assert.match(aborted.error_description, /aborted by the operator/)
  const again = await failure(call.abort(controller, 'subcloud1'))
  assert.is(again.code, status.FAILED_PRECONDITION)
  assert.match(
    again.details,
    /can be aborted only in pre-bootstrap or bootstrapping \(it is bootstrap-aborted\)/,
  )

  c.agent1 = await agent.restart()
  const resumed = await call.resume(controller, 'subcloud1')
  assert.ok(resumed.deploy_status !== 'bootstrap-aborted', 'the resume moved it on')
  await deployedOnline(controller, 'subcloud1')
  const notAgain = await failure(call.resume(controller, 'subcloud1'))
  assert.is(notAgain.code, status.FAILED_PRECONDITION)
  assert.match(notAgain.details, /cannot be resumed from deploy status complete/)
})

test('deploy resume - a deploy that failed while its agent was stopped resumes to complete, nothing wiped', async (c) => {
  const agent = need(c.agent2, 'agent2')
  await agent.stop()
  const first = need(c.controller, 'controller')
  await first.addSubcloud(agent.addresses[0] ?? '', subcloudValues(2, 'ipv6'))
  await first.waitFor('subcloud2', (s) => s.deploy_status === 'pre-bootstrap', 'pre-bootstrap')
  // The controller dies mid-deploy too: the resume must work from what the store kept.
  await first.kill9()
  c.controller = await startController(c, 'controller')
  const controller = c.controller
  const failed = await controller.show('subcloud2')
  assert.is(failed.deploy_status, 'pre-bootstrap-failed')
  c.agent2 = await agent.restart()
  await call.resume(controller, 'subcloud2')
  await deployedOnline(controller, 'subcloud2')
  const described = await c.agent2.describe()
  assert.ok(described.bootstrapped)
  assert.is(described.system?.name, 'subcloud2')
})

test('subcloud redeploy - refuses bad values and a managed subcloud with nothing written, then redeploys', async (c) => {
  const controller = need(c.controller, 'controller')
  const agent = need(c.agent1, 'agent1')
  const before = await controller.show('subcloud1')
  const uuidBefore = (await agent.describe()).system?.uuid

  const renamed = await failure(call.redeploy(controller, 'subcloud1', subcloudValues(1, 'ipv6', 'other')))
  assert.is(renamed.code, status.INVALID_ARGUMENT)
  assert.match(renamed.details, /^Subcloud redeploy refused: name: /)
  const overlapping = await failure(
    call.redeploy(controller, 'subcloud1', {
      ...subcloudValues(1, 'ipv6'),
      management_subnet: 'fd01:12::/64',
      management_start_address: 'fd01:12::2',
      management_end_address: 'fd01:12::50',
      management_gateway_address: 'fd01:12::1',
    }),
  )
  assert.is(overlapping.code, status.FAILED_PRECONDITION)
  assert.match(overlapping.details, /overlaps with that of subcloud subcloud2/)
  await call.manage(controller, 'subcloud1', true)
  const managed = await failure(call.redeploy(controller, 'subcloud1', subcloudValues(1, 'ipv6')))
  assert.is(managed.code, status.FAILED_PRECONDITION)
  assert.match(managed.details, /managed/)
  await call.manage(controller, 'subcloud1', false)
  const unchanged = await controller.show('subcloud1')
  assert.is(unchanged.deploy_status, 'complete')
  assert.is(unchanged.management_end_ip, before.management_end_ip)
  assert.is((await agent.describe()).system?.uuid, uuidBefore, 'the agent was not touched')

  const started = await call.redeploy(controller, 'subcloud1', {
    ...subcloudValues(1, 'ipv6'),
    management_end_address: 'fd01:11::60',
  })
  assert.is(started.deploy_status, 'create-complete')
  assert.is(started.management_end_ip, 'fd01:11::60')
  await deployedOnline(controller, 'subcloud1')
  const described = await agent.describe()
  assert.is(managementEnd(described), 'fd01:11::60', 'bootstrapped again with the new values')
  assert.ok(described.system?.uuid !== uuidBefore, 'a new system')
})

test('subcloud delete - an online subcloud releases its agent, which is added again here, then migrated to another controller', async (c) => {
  const controller = need(c.controller, 'controller')
  const agent = need(c.agent2, 'agent2')
  const address = agent.addresses[0] ?? ''
  const values = subcloudValues(2, 'ipv6')
  const deleted = await call.remove(controller, 'subcloud2')
  assert.is(deleted.availability_status, 'online')
  assert.is((await agent.describe()).epoch, '0', 'released')

  await controller.addSubcloud(address, values)
  await deployedOnline(controller, 'subcloud2')
  const uuid = (await agent.describe()).system?.uuid
  await call.remove(controller, 'subcloud2')

  c.second = await startController(c, 'second')
  const second = c.second
  const mismatch = await failure(
    call.migrate(second, address, { ...values, management_end_address: 'fd01:12::70' }),
  )
  assert.is(mismatch.code, status.FAILED_PRECONDITION)
  assert.match(
    mismatch.details,
    /management_end_address: the subcloud reports fd01:12::50, the bootstrap values give fd01:12::70/,
  )
  assert.is((await second.list()).length, 0, 'nothing written')

  const migrated = await call.migrate(second, address, values)
  assert.is(migrated.deploy_status, 'not-deployed')
  await deployedOnline(second, 'subcloud2')
  const described = await agent.describe()
  assert.is(described.system?.uuid, uuid, 'not bootstrapped again')
  assert.is(described.epoch, '1', 'claimed by the second controller')
})

test.run()
