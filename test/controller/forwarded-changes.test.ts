// A `system --os-region-name SUBCLOUD` change reaches the agent as `Agent.Apply`: fenced by the
// controller's epoch for that subcloud and idempotent on the change id the controller derives from
// the caller's request id. Real dc-agent and dc-controller processes, the controller on PostgreSQL.
import { join } from 'node:path'
import { mkdir } from 'node:fs/promises'
import type { Metadata } from '@grpc/grpc-js'
import { status } from '@grpc/grpc-js'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { REQUEST_ID_METADATA_KEY } from '@dc/protos'
import type { AddressPoolMutation__Output, ClaimResponse__Output } from '@dc/protos'
import { makeTempDir, removeTempDir, runNode, startPostgres } from '../support/index.js'
import type { PostgresServer } from '../support/index.js'
import {
  failure,
  regionMetadata,
  startTestAgent,
  startTestController,
  subcloudValues,
  unary,
} from './controller-harness.js'
import type { TestAgent, TestController } from './controller-harness.js'

interface Ctx {
  dir: string
  postgres: PostgresServer | undefined
  controller: TestController | undefined
  agent: TestAgent | undefined
}

const test = suite<Ctx>('forwarded system changes', {
  dir: '',
  postgres: undefined,
  controller: undefined,
  agent: undefined,
})

function started(c: Ctx): { controller: TestController; agent: TestAgent } {
  if (c.controller === undefined || c.agent === undefined) throw new Error('the suite did not start')
  return { controller: c.controller, agent: c.agent }
}

/** `system --os-region-name subcloud1` metadata with the request id a CLI invocation sends. */
function forwardMetadata(requestId: string): Metadata {
  const metadata = regionMetadata('subcloud1')
  metadata.set(REQUEST_ID_METADATA_KEY, requestId)
  return metadata
}

const OAM_IPV4 = { name: 'oam-ipv4', network: '10.20.7.0', prefix: 24, ranges: [] }
const OAM_IPV4_AGAIN = { name: 'oam-ipv4-b', network: '10.20.8.0', prefix: 24, ranges: [] }

test.before(async (c) => {
  c.dir = await makeTempDir('dct-forwarded-')
  c.postgres = await startPostgres()
  const databaseUrl = await c.postgres.createDatabase('controller')
  await mkdir(join(c.dir, 'controller'), { recursive: true })
  c.agent = await startTestAgent(['::1'], join(c.dir, 'subcloud1'))
  c.controller = await startTestController({ dataDir: join(c.dir, 'controller'), databaseUrl })
  await c.controller.addSubcloud(c.agent.addresses[0] ?? '', subcloudValues(1, 'ipv6'))
  await c.controller.waitFor('subcloud1', (s) => s.deploy_status === 'complete', 'complete', 120_000)
  await c.controller.waitFor('subcloud1', (s) => s.availability_status === 'online', 'online', 120_000)
  const controller = c.controller
  await unary((o, cb) => controller.dcManager.ManageSubcloud({ subcloud: 'subcloud1' }, o, cb))
  await c.controller.waitFor('subcloud1', (s) => s.sync === 'in-sync', 'in-sync', 120_000)
})

test.after(async (c) => {
  await c.controller?.stop()
  await c.agent?.stop()
  await c.postgres?.stop()
  if (c.dir !== '') await removeTempDir(c.dir)
})

test('a forwarded addrpool-add retried with its request id is applied once and answered as the first time', async (c) => {
  const { controller, agent } = started(c)
  const before = await agent.describe()
  const add = () =>
    unary<AddressPoolMutation__Output>((o, cb) =>
      controller.platform.AddAddressPool(OAM_IPV4, forwardMetadata('walkthrough-1'), o, cb),
    )
  const first = await add()
  const retry = await add()
  assert.is(first.address_pool?.name, 'oam-ipv4')
  assert.equal(retry, first, 'the retry gets the original reply')
  const after = await agent.describe()
  assert.is(after.address_pools.filter((p) => p.name === 'oam-ipv4').length, 1, 'the pool is created once')
  assert.is(Number(after.generation), Number(before.generation) + 1, 'one change, not two')
  assert.is(after.epoch, before.epoch, 'the agent is still held at the epoch the controller claimed it with')
  assert.is(after.controller_id, before.controller_id)
  // A change made through the controller is the configuration it expects: the audit agrees.
  await controller.waitFor('subcloud1', (s) => s.sync === 'in-sync', 'in-sync after the change', 120_000)
})

test('a demoted controller: its forwarded system addrpool-add is refused by the agent, naming both epochs', async (c) => {
  const { controller, agent } = started(c)
  const held = await agent.describe()
  const demotedEpoch = BigInt(held.epoch)
  const newerEpoch = demotedEpoch + 1n
  // Another controller takes the subcloud over at a higher epoch; this one's database does not know.
  const claimed = await unary<ClaimResponse__Output>((o, cb) =>
    agent.agent().Claim({ epoch: String(newerEpoch), controller_id: 'controller-b' }, o, cb),
  )
  assert.is(claimed.epoch, String(newerEpoch))
  const result = await runNode(
    'system',
    ['addrpool-add', 'cluster-pod-ipv4', '172.16.0.0', '16', '--order', 'random'],
    { env: { DC_URL: controller.address, OS_REGION_NAME: 'subcloud1' } },
  )
  assert.is(result.code, 1, `exit status; stderr: ${result.stderr}`)
  assert.is(result.stdout, '')
  const refusal = `Stale controller epoch ${demotedEpoch} from '${held.controller_id}': the agent obeys epoch ${newerEpoch} held by 'controller-b'`
  assert.is(result.stderr, `${refusal} [STALE_EPOCH]\n`, 'one line naming both epochs')
  // The same refusal as the gRPC status the CLI got: FAILED_PRECONDITION, never INTERNAL.
  const err = await failure(
    unary((o, cb) => controller.platform.AddAddressPool(OAM_IPV4_AGAIN, forwardMetadata('demoted-1'), o, cb)),
  )
  assert.is(err.code, status.FAILED_PRECONDITION)
  assert.is(err.details, refusal)
  assert.is(err.metadata.get('dc-error-code')[0], 'STALE_EPOCH')
  const after = await agent.describe()
  assert.is(after.generation, held.generation, 'nothing changed on the agent')
  assert.equal(after.address_pools, held.address_pools)
  assert.is(after.epoch, String(newerEpoch))
  assert.is(after.controller_id, 'controller-b')
})

test.run()
