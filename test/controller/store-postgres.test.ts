import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { hostname } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import type { ListSubcloudGroupsResponse__Output } from '@dc/protos'
import { makeTempDir, removeTempDir, runNode, startPostgres, waitFor } from '../support/index.js'
import type { PostgresServer } from '../support/index.js'
import { CONTROLLER_VALUES, startTestController, unary, valuesYaml } from './controller-harness.js'
import type { TestController } from './controller-harness.js'

interface Ctx {
  dir: string
  postgres: PostgresServer | undefined
  url: string
  controller: TestController | undefined
}

const test = suite<Ctx>('dc-controller on PostgreSQL: one writer per database, fencing, backup and restore', {
  dir: '',
  postgres: undefined,
  url: '',
  controller: undefined,
})

function running(c: Ctx): TestController {
  if (c.controller === undefined) throw new Error('no controller')
  return c.controller
}

async function groupNames(controller: TestController): Promise<string[]> {
  const { subcloud_groups } = await unary<ListSubcloudGroupsResponse__Output>((o, cb) =>
    controller.dcManager.ListSubcloudGroups({}, o, cb),
  )
  return subcloud_groups.map((g) => g.name).sort()
}

async function systemUuidOf(dataDir: string): Promise<string> {
  return (JSON.parse(await readFile(join(dataDir, 'store-identity.json'), 'utf8')) as { systemUuid: string })
    .systemUuid
}

test.before(async (c) => {
  c.dir = await makeTempDir('dct-store-postgres-')
  c.postgres = await startPostgres()
  c.url = await c.postgres.createDatabase('writer')
  await mkdir(join(c.dir, 'a'))
  c.controller = await startTestController({ dataDir: join(c.dir, 'a'), databaseUrl: c.url })
  await unary((o, cb) => running(c).dcManager.AddSubcloudGroup({ name: 'kept' }, o, cb))
})

test.after(async (c) => {
  await c.controller?.stop()
  await c.postgres?.stop()
  if (c.dir !== '') await removeTempDir(c.dir)
})

test('a second controller on the same DATABASE_URL refuses to start, naming the holder', async (c) => {
  const holder = running(c)
  const values = join(c.dir, 'values.yml')
  await writeFile(values, valuesYaml(CONTROLLER_VALUES))
  const second = await runNode(
    'dc-controller',
    [
      '--listen',
      '127.0.0.1:1',
      '--bootstrap-values',
      values,
      '--data-dir',
      join(c.dir, 'b'),
      '--log-level',
      'error',
    ],
    { env: { DATABASE_URL: c.url }, timeoutMs: 60_000 },
  )
  assert.is(second.code, 1, `exit code; output: ${second.stdout}${second.stderr}`)
  assert.equal(second.stderr.trimEnd().split('\n').length, 1, second.stderr)
  assert.match(
    second.stderr,
    new RegExp(
      `^dc-controller: PostgreSQL database \\S+ is in use by another dc-controller \\(pid ${holder.process.pid}, host `,
    ),
  )
  assert.equal(await groupNames(holder), ['Default', 'kept'])
})

test('an online pg_dump backup restores into an empty database as the same system', async (c) => {
  const file = join(c.dir, 'writer.backup')
  const backup = await runNode('dc-controller', ['backup', '--data-dir', join(c.dir, 'a'), '--out', file], {
    env: { DATABASE_URL: c.url },
  })
  assert.is(backup.code, 0, backup.stderr)
  const target = await (c.postgres as PostgresServer).createDatabase('restored')
  const restoreTo = (dataDir: string) =>
    runNode('dc-controller', ['restore', '--from', file, '--data-dir', dataDir], {
      env: { DATABASE_URL: target },
    })
  const restore = await restoreTo(join(c.dir, 'restored'))
  assert.is(restore.code, 0, restore.stderr)
  assert.is(await systemUuidOf(join(c.dir, 'restored')), await systemUuidOf(join(c.dir, 'a')))
  const again = await restoreTo(join(c.dir, 'restored-again'))
  assert.is(again.code, 1)
  assert.match(again.stderr, /database is not empty/)
  const restored = await startTestController({ dataDir: join(c.dir, 'restored'), databaseUrl: target })
  try {
    assert.equal(await groupNames(restored), ['Default', 'kept'])
  } finally {
    await restored.stop()
  }
})

/** The lock's key as the controller takes it: pg_try_advisory_lock(0x44434354, 1). */
const LOCK_KEY = [0x44_43_43_54, 1]

/**
 * The controller's own lock session, named after its process; terminated by `admin`. Resolves with
 * its backend's pid: the backend exits at its own pace, and holds the lock until it has.
 */
async function terminateLockSession(admin: pg.Client, controller: TestController): Promise<number> {
  // The session that holds the lock, by its name: on a busy machine the controller may still be
  // between two sessions (a probe's reconnect), so wait for the one that holds it.
  const holder = await waitFor(
    async () => {
      const { rows } = await admin.query<{ pid: number }>(
        `select a.pid from pg_locks l join pg_stat_activity a on a.pid = l.pid
         where l.locktype = 'advisory' and l.granted and l.classid = $1 and l.objid = $2
           and a.application_name = $3`,
        [...LOCK_KEY, `dc-controller pid ${controller.process.pid} on ${hostname()}`],
      )
      return rows[0]?.pid
    },
    { timeoutMs: 30_000, intervalMs: 100, message: 'the lock session named after the controller' },
  )
  const { rows } = await admin.query<{ ok: boolean }>('select pg_terminate_backend($1) as ok', [holder])
  assert.ok(rows[0]?.ok, 'the lock session is terminated')
  return holder
}

test('a lost lock session is taken again: the controller rides it out and writes again', async (c) => {
  const controller = running(c)
  const admin = new pg.Client({ connectionString: c.url })
  await admin.connect()
  try {
    const terminated = await terminateLockSession(admin, controller)
    await waitFor(
      async () => {
        const { rows } = await admin.query<{ application_name: string }>(
          `select a.application_name from pg_locks l join pg_stat_activity a on a.pid = l.pid
           where l.locktype = 'advisory' and l.granted and l.classid = $1 and l.objid = $2
             and a.pid <> $3`,
          [...LOCK_KEY, terminated],
        )
        const retaken =
          rows[0]?.application_name === `dc-controller pid ${controller.process.pid} on ${hostname()}` &&
          // The server grants the lock before the controller has read the answer and resumed.
          controller.process.output().includes('took the PostgreSQL writer lock again')
        return retaken ? true : undefined
      },
      { timeoutMs: 60_000, intervalMs: 200, message: 'the controller to take its writer lock again' },
    )
  } finally {
    await admin.end()
  }
  await unary((o, cb) => controller.dcManager.AddSubcloudGroup({ name: 'after-retake' }, o, cb))
  assert.ok((await groupNames(controller)).includes('after-retake'))
  assert.is(controller.process.exitStatus(), undefined, 'the controller is still running')
  assert.match(controller.process.output(), /lost the PostgreSQL writer lock/)
})

test('a lock still held under its own name (a lost session not yet ended) is waited for', async (c) => {
  const controller = running(c)
  const name = `dc-controller pid ${controller.process.pid} on ${hostname()}`
  const admin = new pg.Client({ connectionString: c.url })
  // Stands for the lost session a server has not ended yet: it carries the controller's own name.
  const lingering = new pg.Client({ connectionString: c.url, application_name: name })
  await admin.connect()
  await lingering.connect()
  try {
    const lingers = lingering.query('select pg_advisory_lock($1, $2)', LOCK_KEY)
    lingers.catch(() => undefined)
    await terminateLockSession(admin, controller)
    await lingers
    await waitFor(
      () => (/lost the PostgreSQL writer lock/.test(controller.process.output()) ? true : undefined),
      {
        timeoutMs: 30_000,
        message: 'the controller to notice the lost lock',
      },
    )
    // Several retakes (one a second) find the lock held under the controller's own name.
    await new Promise((resolve) => setTimeout(resolve, 3_000))
    assert.is(controller.process.exitStatus(), undefined, 'the controller did not give up its place')
    await lingering.query('select pg_advisory_unlock($1, $2)', LOCK_KEY)
    await waitFor(
      () =>
        controller.process.output().split('took the PostgreSQL writer lock again').length > 2
          ? true
          : undefined,
      { timeoutMs: 60_000, intervalMs: 200, message: 'the controller to take its lock a second time' },
    )
    await unary((o, cb) => controller.dcManager.AddSubcloudGroup({ name: 'after-lingering' }, o, cb))
    assert.ok((await groupNames(controller)).includes('after-lingering'))
  } finally {
    await lingering.end()
    await admin.end()
  }
})

test('a lock taken by another session while it was lost stops the controller with one line', async (c) => {
  const controller = running(c)
  const admin = new pg.Client({ connectionString: c.url })
  const rival = new pg.Client({ connectionString: c.url })
  await admin.connect()
  await rival.connect()
  try {
    // Queued before the controller's session dies, so the rival is granted the lock first.
    const rivalHolds = rival.query('select pg_advisory_lock($1, $2)', LOCK_KEY)
    // Should the test fail before awaiting it, ending the client must not crash the whole file.
    rivalHolds.catch(() => undefined)
    await terminateLockSession(admin, controller)
    await rivalHolds
    const exit = await waitFor(async () => controller.process.exitStatus(), {
      timeoutMs: 60_000,
      intervalMs: 200,
      message: 'the controller to stop after another session took its lock',
    })
    assert.is(exit.code, 1)
    assert.match(controller.process.output(), /dc-controller: Lost the PostgreSQL writer lock for good/)
    c.controller = undefined
  } finally {
    await rival.end()
    await admin.end()
  }
})

test.run()
