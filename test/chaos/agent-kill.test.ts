import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import type { AddressPoolMutation__Output, ListAddressPoolsResponse__Output } from '@dc/protos'
import { makeTempDir, removeTempDir, seededRandom } from '../support/index.js'
import {
  regionMetadata,
  startTestAgent,
  startTestController,
  subcloudValues,
  unary,
} from '../controller/controller-harness.js'
import type { TestAgent, TestController } from '../controller/controller-harness.js'
import {
  assertClearFailure,
  assertNoFailureBefore,
  killAtRandom,
  startStream,
} from './acknowledged-stream.js'

const ROUNDS = 3
const NAME = 'subcloud1'
/** Generous: the controller notices the agent back at its next audit on a busy machine. */
const ONLINE_TIMEOUT_MS = 90_000
const random = seededRandom('CHAOS_SEED')

interface Ctx {
  dir: string
  controller: TestController | undefined
  agent: TestAgent | undefined
}

const test = suite<Ctx>('chaos: dc-agent kill -9', { dir: '', controller: undefined, agent: undefined })

test.before(async (c) => {
  c.dir = await makeTempDir('dct-chaos-agent-')
  await mkdir(join(c.dir, 'controller'))
  ;[c.controller, c.agent] = await Promise.all([
    startTestController({ dataDir: join(c.dir, 'controller') }),
    startTestAgent(['::1'], join(c.dir, NAME)),
  ])
})

test.after(async (c) => {
  await c.controller?.stop()
  await c.agent?.stop()
  if (c.dir !== '') await removeTempDir(c.dir)
})

/** `OS_REGION_NAME=subcloud1 system addrpool-add NAME fd10:R:N:: 64` through the controller. */
function addPool(controller: TestController, round: number, n: number): Promise<string> {
  const name = `chaos-${round}-${n}`
  return unary<AddressPoolMutation__Output>((o, cb) =>
    controller.platform.AddAddressPool(
      { name, network: `fd10:${round}:${n.toString(16)}::`, prefix: 64, ranges: [] },
      regionMetadata(NAME),
      o,
      cb,
    ),
  ).then(() => name)
}

async function poolNames(controller: TestController): Promise<Set<string>> {
  const listed = await unary<ListAddressPoolsResponse__Output>((o, cb) =>
    controller.platform.ListAddressPools({}, regionMetadata(NAME), o, cb),
  )
  return new Set(listed.address_pools.map((p) => p.name))
}

test('chaos - kill -9 of the agent during addrpool-add through the controller loses no acknowledged pool', async (c) => {
  const controller = c.controller
  if (controller === undefined || c.agent === undefined) throw new Error('not started')
  let agent: TestAgent = c.agent
  await controller.addSubcloud(agent.addresses[0] ?? '', subcloudValues(1, 'ipv6', NAME))
  await controller.waitFor(
    NAME,
    (s) => s.deploy_status === 'complete' && s.availability_status === 'online',
    'deployed and online',
    ONLINE_TIMEOUT_MS,
  )
  const acknowledged: string[] = []
  for (let round = 1; round <= ROUNDS; round++) {
    const where = `(round ${round}, ${random.replay})`
    const stream = startStream((n) => addPool(controller, round, n))
    const target = agent
    const killedAt = await killAtRandom(stream, random, () => target.kill9())
    await stream.stop()
    assertNoFailureBefore(stream.failures, killedAt, where)
    for (const failure of stream.failures) assertClearFailure(failure, where)
    acknowledged.push(...stream.acknowledged)

    agent = c.agent = await target.restart()
    await controller.waitFor(
      NAME,
      (s) => s.availability_status === 'online',
      'online again',
      ONLINE_TIMEOUT_MS,
    )
    const names = await poolNames(controller)
    const lost = acknowledged.filter((name) => !names.has(name))
    assert.equal(lost, [], `acknowledged pools lost ${where}`)
    const described = await agent.describe()
    assert.ok(described.bootstrapped, `the agent answers, bootstrapped ${where}`)
    const local = new Set(described.address_pools.map((p) => p.name))
    assert.equal(
      acknowledged.filter((name) => !local.has(name)),
      [],
      `acknowledged pools missing on the agent itself ${where}`,
    )
  }
  process.stdout.write(`${acknowledged.length} acknowledged pools over ${ROUNDS} agent kills, 0 lost\n`)
})

test.run()
