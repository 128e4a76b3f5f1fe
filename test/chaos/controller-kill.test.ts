import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { makeTempDir, removeTempDir, seededRandom, startPostgres } from '../support/index.js'
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
const random = seededRandom('CHAOS_SEED')

interface Ctx {
  dir: string
  postgres: PostgresServer | undefined
  controller: TestController | undefined
}

const test = suite<Ctx>('chaos: dc-controller kill -9', {
  dir: '',
  postgres: undefined,
  controller: undefined,
})

test.before(async (c) => {
  c.dir = await makeTempDir('dct-chaos-controller-')
  c.postgres = await startPostgres()
})

test.after(async (c) => {
  await c.controller?.stop()
  await c.postgres?.stop()
  if (c.dir !== '') await removeTempDir(c.dir)
})

for (const kind of ['pglite', 'postgres'] as const) {
  test(`chaos - ${kind}: kill -9 of the controller during subcloud-group adds loses no acknowledged add`, async (c) => {
    const dataDir = join(c.dir, kind)
    await mkdir(dataDir)
    const databaseUrl = kind === 'postgres' ? await c.postgres?.createDatabase('chaos_controller') : undefined
    const start = (): Promise<TestController> => startTestController({ dataDir, databaseUrl })
    let controller = (c.controller = await start())
    const acknowledged: string[] = []
    for (let round = 1; round <= ROUNDS; round++) {
      const where = `(${kind} round ${round}, ${random.replay})`
      const target = controller
      const stream = startStream((n) => addGroup(target, `chaos-${round}-${n}`))
      const killedAt = await killAtRandom(stream, random, () => target.kill9())
      c.controller = undefined
      await stream.stop()
      assertNoFailureBefore(stream.failures, killedAt, where)
      for (const failure of stream.failures) assertClearFailure(failure, where)
      acknowledged.push(...stream.acknowledged)

      controller = c.controller = await start()
      const names = await groupNames(controller)
      const lost = acknowledged.filter((name) => !names.has(name))
      assert.equal(lost, [], `acknowledged adds lost ${where}`)
      // Serving again: it takes a new write, not only reads.
      assert.is(await addGroup(controller, `after-${round}`), `after-${round}`)
    }
    process.stdout.write(`${kind}: ${acknowledged.length} acknowledged adds over ${ROUNDS} kills, 0 lost\n`)
    await controller.stop()
    c.controller = undefined
  })
}

test.run()
