import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Kysely, Migrator, sql } from 'kysely'
import { KyselyPGlite } from 'kysely-pglite'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { KyselyStrategyStore } from '../src/adapters/kysely/kysely-strategy-store.js'
import { ControllerMigrationProvider } from '../src/adapters/kysely/migrations/migration-provider.js'
import { openDatabase, openPglite } from '../src/adapters/kysely/open-database.js'
import type { Database } from '../src/adapters/kysely/schema.js'

interface Ctx {
  dir: string
}

const test = suite<Ctx>('migration 0004-network-strategy', { dir: '' })

test.before(async (c) => {
  c.dir = await mkdtemp(join(tmpdir(), 'dc-strategy-migration-'))
})

test.after(async (c) => {
  if (c.dir !== '') await rm(c.dir, { recursive: true, force: true })
})

/** The store as the previous release left it: migrated to `target` only, nothing else. */
async function openAt(dataDir: string, target: string): Promise<Kysely<Database>> {
  const db = new Kysely<Database>({ dialect: new KyselyPGlite(await openPglite(dataDir, false)).dialect })
  const { error } = await new Migrator({ db, provider: new ControllerMigrationProvider() }).migrateTo(target)
  if (error !== undefined) throw error
  return db
}

async function tableNames(db: Kysely<Database>): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    select tablename as name from pg_tables
    where schemaname = 'public' and tablename in ('network_strategy', 'strategy_step')
    order by tablename`.execute(db)
  return rows.map((r) => r.name)
}

test('a store of schema 0003 is migrated on open, keeps its rows and passes the self-check with steps in it', async (c) => {
  const dataDir = join(c.dir, 'from-0003')
  const previous = await openAt(dataDir, '0003-agent-identity')
  await previous
    .insertInto('subcloud_groups')
    .values({
      name: 'kept',
      description: 'made by 0003',
      update_apply_type: 'serial',
      max_parallel_subclouds: 2,
    })
    .execute()
  assert.equal(await tableNames(previous), [])
  await previous.destroy()

  const opened = await openDatabase({ dataDir, selfCheck: true })
  try {
    assert.is(opened.schemaVersion, '0005-alarm-events')
    assert.equal(await tableNames(opened.db), ['network_strategy', 'strategy_step'])
    const groups = await opened.db.selectFrom('subcloud_groups').select('name').orderBy('id').execute()
    assert.equal(
      groups.map((g) => g.name),
      ['Default', 'kept'],
    )
    const store = new KyselyStrategyStore(opened.db)
    const steps = Array.from({ length: 50 }, (_, i) => ({
      subcloudId: i + 1,
      subcloudName: `sc${i}`,
      state: 'initial' as const,
      details: '',
      commands: [],
      hostActions: [],
      baseGeneration: 1,
    }))
    const created = await store.create(
      {
        uuid: 'u-1',
        applyType: 'serial',
        maxParallel: 1,
        stopOnFailure: true,
        planKind: 'remove',
        planYaml: 'remove: [cluster-pod]\n',
        groupName: 'kept',
        subcloudName: null,
      },
      steps,
    )
    assert.is(created.kind, 'created')
  } finally {
    await opened.db.destroy()
  }

  // The start-up self-check, which runs before migrating, walks every table: the new ones too.
  const again = await openDatabase({ dataDir, selfCheck: true })
  try {
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from pg_tables where schemaname = 'public'`.execute(again.db)
    assert.is(again.selfCheck?.tables, rows[0]?.n, 'every table was checked')
    assert.is((await new KyselyStrategyStore(again.db).steps()).length, 50)
  } finally {
    await again.db.destroy()
  }
})

test('migrating back down to 0003 drops both tables', async (c) => {
  const dataDir = join(c.dir, 'down')
  const opened = await openDatabase({ dataDir })
  const { error } = await new Migrator({
    db: opened.db,
    provider: new ControllerMigrationProvider(),
  }).migrateTo('0003-agent-identity')
  try {
    assert.is(error, undefined)
    assert.equal(await tableNames(opened.db), [])
  } finally {
    await opened.db.destroy()
  }
})

test.run()
