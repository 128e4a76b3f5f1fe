import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import type { Subcloud__Output } from '@dc/protos'
import { makeTempDir, removeTempDir, seededRandom, waitFor } from '../support/index.js'
import { startTestAgent, unary } from '../controller/controller-harness.js'
import type { TestAgent, TestController } from '../controller/controller-harness.js'
import {
  addSystemPeers,
  associateWithEast,
  associations,
  joinPeerGroup,
  listAll,
  natsArgs,
  peer,
  show,
  startGeoNats,
  startSite,
  until,
} from '../geo/geo-sites.js'
import type { GeoNats } from '../geo/geo-sites.js'
import {
  assertClearFailure,
  assertNoFailureBefore,
  killAtRandom,
  startStream,
} from './acknowledged-stream.js'

const ROUNDS = 3
const NAME = 'subcloud1'
const random = seededRandom('CHAOS_SEED')

interface Ctx {
  dir: string
  link: GeoNats | undefined
  agent: TestAgent | undefined
  a: TestController | undefined
  b: TestController | undefined
}

const test = suite<Ctx>('chaos: nats-server kill -9 under the geo link', {
  dir: '',
  link: undefined,
  agent: undefined,
  a: undefined,
  b: undefined,
})

test.before(async (c) => {
  c.dir = await makeTempDir('dct-chaos-nats-')
  const link = (c.link = await startGeoNats(c.dir))
  c.agent = await startTestAgent(['::1'], join(c.dir, NAME), 300)
  ;[c.a, c.b] = await Promise.all([
    natsArgs(c.dir, 'a', link).then((args) => startSite(c.dir, 'a', args)),
    natsArgs(c.dir, 'b', link).then((args) => startSite(c.dir, 'b', args)),
  ])
})

test.after(async (c) => {
  await c.a?.stop().catch(() => undefined)
  await c.b?.stop().catch(() => undefined)
  await c.agent?.stop().catch(() => undefined)
  await c.link?.nats.stop()
  await removeTempDir(c.dir)
})

/** `dcmanager subcloud update subcloud1 --description D` at A: one geo event per acknowledged call. */
function describeMember(a: TestController, description: string): Promise<string> {
  return unary<Subcloud__Output>((o, cb) =>
    a.dcManager.UpdateSubcloud({ subcloud: NAME, description }, o, cb),
  ).then((s) => s.description)
}

async function linkHealthy(a: TestController, b: TestController, what: string): Promise<void> {
  await until(
    `A sees east available ${what}`,
    async () => (await peer(a, 'east')).availability_state === 'available',
  )
  await until(
    `B sees central available ${what}`,
    async () => (await peer(b, 'central')).availability_state === 'available',
  )
  await until(
    `A association in-sync ${what}`,
    async () => (await associations(a))[0]?.sync_status === 'in-sync',
  )
  await until(
    `B association in-sync ${what}`,
    async () => (await associations(b))[0]?.sync_status === 'in-sync',
  )
}

test('chaos - kill -9 of nats-server: events acknowledged at A still reach B, the link recovers', async (c) => {
  const { a, b, agent, link } = c
  if (a === undefined || b === undefined || agent === undefined || link === undefined) {
    throw new Error('the sites were not started')
  }
  // Alarm, not rehome: B must not take the member over while the link, not A, is down.
  await addSystemPeers(a, b, 'alarm')
  await joinPeerGroup(a, agent, NAME)
  await associateWithEast(a)
  await until('the copy at B', async () =>
    (await listAll(b)).find((s) => s.name === NAME && s.deploy_status === 'secondary'),
  )
  await linkHealthy(a, b, 'before the first kill')

  let acknowledged = 0
  for (let round = 1; round <= ROUNDS; round++) {
    const where = `(round ${round}, ${random.replay})`
    const stream = startStream((n) => describeMember(a, `chaos ${round}-${n}`))
    const killedAt = await killAtRandom(stream, random, () => link.nats.kill9())
    // Changes keep being acknowledged at A while the link is down; they wait to be published.
    await sleep(random.between(500, 2_500))
    await link.nats.restart()
    const afterRestart = stream.acknowledged.length
    await waitFor(() => stream.acknowledged.length > afterRestart, {
      timeoutMs: 60_000,
      message: `a change acknowledged after the restart ${where}`,
    })
    await stream.stop()
    assertNoFailureBefore(stream.failures, killedAt, where)
    for (const failure of stream.failures) assertClearFailure(failure, where)
    acknowledged += stream.acknowledged.length

    const last = stream.acknowledged.at(-1)
    await until(`B's copy showing the last acknowledged change "${last}" ${where}`, async () =>
      (await show(b, NAME)).description === last ? true : undefined,
    )
    await linkHealthy(a, b, where)
  }
  assert.ok(acknowledged >= ROUNDS, `only ${acknowledged} changes acknowledged`)
  process.stdout.write(
    `${acknowledged} acknowledged changes over ${ROUNDS} nats-server kills, the last of each at B\n`,
  )
})

test.run()
