import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { status } from '@grpc/grpc-js'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { makeTempDir, removeTempDir, seededRandom, startPostgres, waitFor } from '../support/index.js'
import type { PostgresServer } from '../support/index.js'
import { startTestController } from '../controller/controller-harness.js'
import type { TestController } from '../controller/controller-harness.js'
import {
  assertClearFailure,
  assertNoFailureBefore,
  killAtRandom,
  startStream,
} from './acknowledged-stream.js'
import { addGroup, groupNames } from './subcloud-groups.js'

const ROUNDS = 3
/** Calls made while the database is down: each must fail at once with UNAVAILABLE, not hang. */
const OUTAGE_FAILURES = 3
const random = seededRandom('CHAOS_SEED')

interface Ctx {
  dir: string
  postgres: PostgresServer | undefined
  controller: TestController | undefined
}

const test = suite<Ctx>('chaos: PostgreSQL kill -9 under the controller', {
  dir: '',
  postgres: undefined,
  controller: undefined,
})

test.before(async (c) => {
  c.dir = await makeTempDir('dct-chaos-postgres-')
  await mkdir(join(c.dir, 'controller'))
  // A private cluster even when DATABASE_URL is set: a shared server is not ours to kill.
  c.postgres = await startPostgres({ databaseUrl: null })
})

test.after(async (c) => {
  await c.controller?.stop()
  await c.postgres?.stop()
  if (c.dir !== '') await removeTempDir(c.dir)
})

test('chaos - kill -9 of PostgreSQL: UNAVAILABLE while it is down, no acknowledged add lost, serving again without a restart', async (c) => {
  const postgres = c.postgres
  if (postgres === undefined) throw new Error('no PostgreSQL')
  const databaseUrl = await postgres.createDatabase('chaos_postgres')
  const controller = (c.controller = await startTestController({
    dataDir: join(c.dir, 'controller'),
    databaseUrl,
  }))
  const acknowledged: string[] = []
  for (let round = 1; round <= ROUNDS; round++) {
    const where = `(round ${round}, ${random.replay})`
    const stream = startStream((n) => addGroup(controller, `chaos-${round}-${n}`))
    const killedAt = await killAtRandom(stream, random, () => postgres.kill9())
    const failedBefore = stream.failures.length
    await waitFor(() => stream.failures.length >= failedBefore + OUTAGE_FAILURES, {
      timeoutMs: 60_000,
      message: `${OUTAGE_FAILURES} calls refused while PostgreSQL is down ${where}`,
    })
    const outage = stream.failures.slice(failedBefore + 1)
    await postgres.restart()
    const acknowledgedBefore = stream.acknowledged.length
    await waitFor(() => stream.acknowledged.length > acknowledgedBefore, {
      timeoutMs: 60_000,
      message: `an add acknowledged again once PostgreSQL is back ${where}`,
    }).catch((err: unknown) => {
      const last = stream.failures.at(-1)?.error
      throw new Error(`${String(err)}; the last call failed with ${last?.code}: ${last?.details}`)
    })
    await stream.stop()
    assertNoFailureBefore(stream.failures, killedAt, where)
    for (const failure of stream.failures) assertClearFailure(failure, where)
    // The call in flight at the kill may see the connection break; every later one is refused clearly.
    for (const failure of outage) assertClearFailure(failure, where, status.UNAVAILABLE)
    acknowledged.push(...stream.acknowledged)

    assert.is(controller.process.exitStatus(), undefined, `the controller is still running ${where}`)
    const names = await groupNames(controller)
    const lost = acknowledged.filter((name) => !names.has(name))
    assert.equal(lost, [], `acknowledged adds lost ${where}`)
  }
  process.stdout.write(`${acknowledged.length} acknowledged adds over ${ROUNDS} PostgreSQL kills, 0 lost\n`)
})

test.run()
