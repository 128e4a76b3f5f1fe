import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { status } from '@grpc/grpc-js'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import type { Subcloud__Output } from '@dc/protos'
import { freePort, hostPort, makeTempDir, removeTempDir } from '../support/index.js'
import { failure, startTestAgent, startTestController, subcloudValues, unary } from './controller-harness.js'
import type { TestAgent, TestController } from './controller-harness.js'

interface Ctx {
  dir: string
  controller: TestController | undefined
  agent: TestAgent | undefined
}

const test = suite<Ctx>('dc-controller crash recovery', { dir: '', controller: undefined, agent: undefined })

const start = (c: Ctx) => startTestController({ dataDir: join(c.dir, 'controller') })

test.before(async (c) => {
  c.dir = await makeTempDir('dct-controller-crash-')
  await mkdir(join(c.dir, 'controller'), { recursive: true })
  c.controller = await start(c)
})

test.after(async (c) => {
  await c.controller?.stop()
  await c.agent?.stop()
  if (c.dir !== '') await removeTempDir(c.dir)
})

test('dc-controller - kill -9 during a deploy leaves the subcloud in its failure state with a reason', async (c) => {
  const controller = c.controller
  if (controller === undefined) throw new Error('no controller')
  // Nothing listens there, so the deploy waits in pre-bootstrap for the agent to answer.
  const silent = hostPort('::1', await freePort('::1'))
  await controller.addSubcloud(silent, subcloudValues(5, 'ipv6', 'stuck'))
  await controller.waitFor('stuck', (s) => s.deploy_status === 'pre-bootstrap', 'pre-bootstrap')
  await controller.kill9()

  c.controller = await start(c)
  const after = await c.controller.show('stuck')
  assert.is(after.deploy_status, 'pre-bootstrap-failed')
  assert.match(after.error_description, /interrupted by a controller restart/)
  assert.is(after.management_state, 'unmanaged')
  const { dcManager } = c.controller
  const errors = await unary<{ error_description: string }>((o, cb) =>
    dcManager.GetSubcloudErrors({ subcloud: 'stuck' }, o, cb),
  )
  assert.is(errors.error_description, after.error_description)
})

test('dc-controller - after the crash a new subcloud add deploys to complete', async (c) => {
  const controller = c.controller
  if (controller === undefined) throw new Error('no controller')
  c.agent = await startTestAgent(['::1'], join(c.dir, 'fresh'))
  await controller.addSubcloud(c.agent.addresses[0] ?? '', subcloudValues(6, 'ipv6', 'fresh'))
  const done = await controller.waitFor('fresh', (s) => s.deploy_status === 'complete', 'complete')
  assert.is(done.error_description, 'No errors present')
  await controller.waitFor('fresh', (s) => s.availability_status === 'online', 'online')
})

test('subcloud delete - a failed, unmanaged, offline subcloud can be deleted; an online one releases its agent', async (c) => {
  const controller = c.controller
  const agent = c.agent
  if (controller === undefined || agent === undefined) throw new Error('no controller or agent')
  assert.is((await agent.describe()).epoch, '1', 'claimed by the controller')
  const online = await unary<Subcloud__Output>((o, cb) =>
    controller.dcManager.DeleteSubcloud({ subcloud: 'fresh' }, o, cb),
  )
  assert.is(online.availability_status, 'online')
  const released = await agent.describe()
  assert.is(released.epoch, '0', 'the agent forgot the claim')
  assert.is(released.controller_id, '')
  assert.ok(released.bootstrapped, 'and kept its system')
  const deleted = await unary<Subcloud__Output>((o, cb) =>
    controller.dcManager.DeleteSubcloud({ subcloud: 'stuck' }, o, cb),
  )
  assert.is(deleted.name, 'stuck')
  const gone = await failure(unary((o, cb) => controller.dcManager.GetSubcloud({ subcloud: 'stuck' }, o, cb)))
  assert.is(gone.code, status.NOT_FOUND)
})

test.run()
