import { cp, mkdtemp, readdir, rm, unlink } from 'node:fs/promises'
import { hostname, tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { openDatabase } from '../src/adapters/kysely/open-database.js'
import { StoreDamagedError, StoreLockedError } from '../src/errors.js'
import { askHolder, lockDataDir, lockToken } from '../src/store/data-dir-lock.js'
import { checkStoreIdentity } from '../src/store/store-identity.js'
import type { StoreIdentity } from '../src/store/store-identity.js'
import { DAMAGES, damageStore } from './damage-store.js'

interface Ctx {
  dir: string
  /** A stopped store holding GROUPS subcloud groups, copied for each damage. */
  pristine: string
}

const GROUPS = 400
const test = suite<Ctx>('store integrity', { dir: '', pristine: '' })

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise
  } catch (err) {
    return err
  }
  throw new Error('expected a rejection')
}

test.before(async (c) => {
  c.dir = await mkdtemp(join(tmpdir(), 'dc-store-integrity-'))
  c.pristine = join(c.dir, 'pristine')
  const { db } = await openDatabase({ dataDir: c.pristine })
  await db
    .insertInto('subcloud_groups')
    .values(
      Array.from({ length: GROUPS }, (_, i) => ({
        name: `group-${i}`,
        description: `group number ${i} of the integrity test`,
        update_apply_type: 'parallel' as const,
        max_parallel_subclouds: 2,
      })),
    )
    .execute()
  await db.destroy()
})

test.after(async (c) => {
  if (c.dir !== '') await rm(c.dir, { recursive: true, force: true })
})

async function copyOf(c: Ctx, name: string): Promise<string> {
  const dir = join(c.dir, name)
  await cp(c.pristine, dir, { recursive: true })
  return dir
}

test('a healthy store passes the self-check, with amcheck, checksums and primary-key references', async (c) => {
  const dataDir = await copyOf(c, 'healthy')
  const opened = await openDatabase({ dataDir, selfCheck: true })
  try {
    assert.ok(opened.selfCheck?.amcheck)
    assert.ok(opened.selfCheck?.indexReferences)
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from subcloud_groups`.execute(
      opened.db,
    )
    assert.is(rows[0]?.n, GROUPS + 1)
  } finally {
    await opened.db.destroy()
  }
})

test('a new PGlite store is created with data checksums', async (c) => {
  const opened = await openDatabase({ dataDir: join(c.dir, 'new') })
  try {
    const { rows } = await sql<{ data_checksums: string }>`show data_checksums`.execute(opened.db)
    assert.is(rows[0]?.data_checksums, 'on')
  } finally {
    await opened.db.destroy()
  }
})

for (const damage of DAMAGES) {
  test(`a store with ${damage} of a table is refused at start, naming the table`, async (c) => {
    const dataDir = await copyOf(c, damage)
    await damageStore(dataDir, 'subcloud_groups', damage)
    const err = await rejection(openDatabase({ dataDir, selfCheck: true }))
    assert.instance(err, StoreDamagedError)
    assert.match(
      (err as Error).message,
      /^The store is damaged: (table subcloud_groups|index subcloud_groups_\w+ of table subcloud_groups)/,
    )
    assert.not.match((err as Error).message, /\n/)
  })
}

test('a PGlite directory without PG_VERSION is refused and not initialised over', async (c) => {
  const dataDir = await copyOf(c, 'no-pg-version')
  await unlink(join(dataDir, 'pglite', 'PG_VERSION'))
  const before = (await readdir(join(dataDir, 'pglite'), { recursive: true })).sort()
  const err = await rejection(openDatabase({ dataDir }))
  assert.instance(err, StoreDamagedError)
  assert.match((err as Error).message, /no PG_VERSION\); refusing to initialise/)
  assert.equal((await readdir(join(dataDir, 'pglite'), { recursive: true })).sort(), before)
})

test('an empty PGlite directory is refused when the data directory says a store exists', async (c) => {
  const err = await rejection(openDatabase({ dataDir: join(c.dir, 'vanished'), expectExisting: true }))
  assert.instance(err, StoreDamagedError)
})

const identity: StoreIdentity = {
  systemUuid: 'u-1',
  storeKind: 'pglite',
  schemaVersion: '0002-geo-redundancy',
}
const known = ['0001-initial-schema', '0002-geo-redundancy']

test('store identity: the recorded store passes; another kind, system, an empty store or a newer schema do not', () => {
  checkStoreIdentity(identity, { kind: 'pglite', systemUuid: 'u-1' }, known)
  checkStoreIdentity(undefined, { kind: 'postgres', systemUuid: undefined }, known)
  const refusals: [StoreIdentity, Parameters<typeof checkStoreIdentity>[1], RegExp][] = [
    [identity, { kind: 'postgres', systemUuid: 'u-1' }, /belongs to a pglite store, but a postgres store/],
    [
      identity,
      { kind: 'pglite', systemUuid: 'u-2' },
      /holds system u-2, but this data directory belongs to u-1/,
    ],
    [
      identity,
      { kind: 'pglite', systemUuid: undefined },
      /store is empty, but this data directory belongs to/,
    ],
    [{ ...identity, schemaVersion: '0009-future' }, { kind: 'pglite', systemUuid: 'u-1' }, /0009-future/],
  ]
  for (const [recorded, found, message] of refusals) {
    assert.throws(
      () => checkStoreIdentity(recorded, found, known),
      (err: unknown) => {
        return err instanceof StoreDamagedError && message.test(err.message)
      },
    )
  }
})

test('data directory lock: a second holder is refused naming pid and host; released, it can be taken again', async (c) => {
  const dataDir = join(c.dir, 'locked')
  const first = await lockDataDir(dataDir)
  const err = await rejection(lockDataDir(dataDir))
  assert.instance(err, StoreLockedError)
  assert.match((err as Error).message, new RegExp(`pid ${process.pid}, host ${hostname()}`))
  await first.release()
  const again = await lockDataDir(dataDir)
  await again.release()
})

test('data directory lock socket: only a caller with the lock file token is answered', async (c) => {
  const dataDir = join(c.dir, 'asked')
  const signal = AbortSignal.timeout(30_000)
  const out = join(c.dir, 'asked.backup')
  assert.is(await askHolder(dataDir, { op: 'backup', out, token: '' }, signal), false, 'nobody holds it yet')
  const lock = await lockDataDir(dataDir)
  const asked: string[] = []
  lock.serve(async (request) => {
    asked.push(request.out)
  })
  try {
    const refused = await rejection(askHolder(dataDir, { op: 'backup', out, token: 'f'.repeat(32) }, signal))
    assert.match((refused as Error).message, /token of the data directory lock file does not match/)
    assert.equal(asked, [])
    assert.ok(await askHolder(dataDir, { op: 'backup', out, token: lockToken(dataDir) }, signal))
    assert.equal(asked, [out])
  } finally {
    await lock.release()
  }
})

test.run()
