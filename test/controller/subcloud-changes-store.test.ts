import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { KyselySubcloudStore, NEW_SUBCLOUD_STATE, openDatabase } from '@dc/system-controller/internal'
import type { OpenedDatabase, SubcloudFields } from '@dc/system-controller/internal'
import { makeTempDir, removeTempDir, startPostgres } from '../support/index.js'
import type { PostgresServer } from '../support/index.js'

// The subcloud store on both stores the controller supports:
// - `changes`, which the web console follows the fleet with: what counts as a change, and (on
//   PostgreSQL, where writers run concurrently) that a change committed after a look is found by
//   the next one;
// - lookups and locked changes asked for together (an onboarding's name checks and `manage`
//   calls), which share one statement or transaction, yet are each answered for their own
//   subcloud, and a change fails only on its own.

type StoreKind = 'pglite' | 'postgres'

interface Ctx {
  dir: string
  postgres: PostgresServer | undefined
  opened: OpenedDatabase | undefined
}

function fields(name: string, n: number): SubcloudFields {
  return {
    name,
    description: '',
    location: '',
    regionName: `${n}`.padStart(32, 'r'),
    softwareVersion: '24.09',
    managementSubnet: `fd01:${n}::/64`,
    managementStartIp: `fd01:${n}::2`,
    managementEndIp: `fd01:${n}::50`,
    managementGatewayIp: `fd01:${n}::1`,
    systemcontrollerGatewayIp: 'fd01:1::1',
    externalOamFamily: 'IPv6',
    groupId: 1,
    ...NEW_SUBCLOUD_STATE,
    bootstrapAddress: `[::1]:${50000 + n}`,
    storedValuesJson: '{}',
    epoch: 1,
  }
}

type Decide = Parameters<KyselySubcloudStore['mutate']>[1]
type Edit = Extract<ReturnType<Decide>, { kind: 'update' }>['change']['set']
const setting =
  (set: Edit): Decide =>
  () => ({ kind: 'update', change: { set } })
const refusing: Decide = (current) => ({ kind: 'refuse', error: new Error(`${current.name} refused`) })

/** The transaction that last changed each named subcloud (the column the console follows). */
async function changedBy(db: OpenedDatabase['db'], names: readonly string[]): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('subclouds')
    .select(['name', 'change_xid'])
    .where('name', 'in', names)
    .execute()
  return new Map(rows.map((r) => [r.name, String(r.change_xid)]))
}

const names = (changes: { subclouds: readonly { name: string }[] }): string[] =>
  changes.subclouds.map((s) => s.name)

function storeSuite(kind: StoreKind) {
  const test = suite<Ctx>(`subcloud changes on ${kind}`, { dir: '', postgres: undefined, opened: undefined })
  const opened = (c: Ctx): OpenedDatabase => {
    if (c.opened === undefined) throw new Error('store not open')
    return c.opened
  }

  test.before(async (c) => {
    c.dir = await makeTempDir(`dct-subcloud-changes-${kind}-`)
    let databaseUrl: string | undefined
    if (kind === 'postgres') {
      c.postgres = await startPostgres()
      databaseUrl = await c.postgres.createDatabase('subcloud_changes')
    }
    c.opened = await openDatabase({ dataDir: c.dir, databaseUrl })
  })

  test.after(async (c) => {
    await c.opened?.db.destroy()
    await c.postgres?.stop()
    if (c.dir !== '') await removeTempDir(c.dir)
  })

  test('the first look is the fleet; then only what changed, not the heartbeat bookkeeping', async (c) => {
    const { db } = opened(c)
    const store = new KyselySubcloudStore(db)
    for (const n of [1, 2, 3]) await store.insert(fields(`sc${n}`, n), ['platform'])
    const first = await store.changes()
    assert.equal(names(first), ['sc1', 'sc2', 'sc3'])
    assert.is(first.count, 3)
    const quiet = await store.changes(first.mark)
    assert.equal(names(quiet), [], 'nothing changed')

    await db
      .updateTable('subclouds')
      .set({ last_heartbeat_at: new Date(), audit_fail_count: 2, updated_at: new Date() })
      .execute()
    const heartbeats = await store.changes(quiet.mark)
    assert.equal(names(heartbeats), [], 'heartbeat times and miss counts are no change')

    await db
      .updateTable('subclouds')
      .set({ availability_status: 'online' })
      .where('name', '=', 'sc2')
      .execute()
    const sc3 = (await store.find('sc3'))!
    await db
      .updateTable('subcloud_status')
      .set({ sync_status: 'in-sync' })
      .where('subcloud_id', '=', sc3.id)
      .execute()
    const moved = await store.changes(heartbeats.mark)
    assert.equal(names(moved), ['sc2', 'sc3'], 'a row and an endpoint status change')
    assert.is(moved.subclouds[0]?.availability, 'online')
    assert.equal(moved.subclouds[1]?.endpoints, [{ endpointType: 'platform', syncStatus: 'in-sync' }])

    await db.deleteFrom('subcloud_status').where('subcloud_id', '=', sc3.id).execute()
    await db.deleteFrom('subclouds').where('id', '=', sc3.id).execute()
    const after = await store.changes(moved.mark)
    assert.is(after.count, 2, 'the count tells a delete')
    assert.equal((await store.ids()).length, 2)
  })

  test('changes asked for together share one transaction, each decided on its own row', async (c) => {
    const { db } = opened(c)
    const store = new KyselySubcloudStore(db)
    const made = new Map<string, number>()
    for (const n of [11, 12, 13, 14, 15]) {
      const result = await store.insert(fields(`batch${n}`, n), ['platform'])
      if (result.kind === 'created') made.set(result.row.name, result.row.id)
    }
    const results = await Promise.all([
      store.mutate('batch11', setting({ managementState: 'managed' })),
      store.mutate('batch12', setting({ managementState: 'managed', deployStatus: 'complete' })),
      store.mutate('batch13', refusing),
      store.mutate('nonexistent', setting({ managementState: 'managed' })),
      store.mutate(String(made.get('batch14')), setting({ description: 'by id' })),
      store.mutate('batch14', (current) => ({
        kind: 'update',
        change: { set: { location: `after ${current.description}` } },
      })),
      store.mutate('batch15', () => ({ kind: 'delete' })),
    ])
    assert.equal(
      results.map((r) => r.kind),
      ['updated', 'updated', 'refused', 'not-found', 'updated', 'updated', 'deleted'],
    )
    const [managed, completed] = results
    assert.is(managed?.kind === 'updated' && managed.after.managementState, 'managed')
    assert.equal(managed?.kind === 'updated' && managed.after.endpoints, [
      { endpointType: 'platform', syncStatus: 'unknown' },
    ])
    assert.is(completed?.kind === 'updated' && completed.after.deployStatus, 'complete')
    const sc13 = await store.find('batch13')
    assert.is(sc13?.managementState, 'unmanaged', 'a refused change writes nothing')
    const sc14 = await store.find('batch14')
    assert.is(sc14?.description, 'by id')
    assert.is(sc14?.location, 'after by id', 'a second change of one row sees the first')
    assert.is(await store.find('batch15'), undefined)
    const xids = await changedBy(db, ['batch11', 'batch12'])
    assert.is(xids.get('batch11'), xids.get('batch12'), 'one transaction wrote both')
  })

  test('lookups asked for together are answered each for its own reference', async (c) => {
    const { db } = opened(c)
    const store = new KyselySubcloudStore(db)
    const made = await store.insert(fields('lookup31', 31), ['platform'])
    assert.is(made.kind, 'created')
    const row = made.kind === 'created' ? made.row : undefined
    const [byName, byRegion, byId, missing, taken, free] = await Promise.all([
      store.find('lookup31'),
      store.find(row?.regionName ?? ''),
      store.find(String(row?.id)),
      store.find('lookup-none'),
      store.nameTaken('lookup31'),
      store.nameTaken('lookup-none'),
    ])
    assert.is(byName?.name, 'lookup31')
    assert.is(byRegion?.name, 'lookup31')
    assert.is(byId?.name, 'lookup31')
    assert.equal(byName?.endpoints, [{ endpointType: 'platform', syncStatus: 'unknown' }])
    assert.is(missing, undefined)
    assert.is(taken, true)
    assert.is(free, false)
  })

  test('a batch the database refuses is run change by change: only the culprit fails', async (c) => {
    const { db } = opened(c)
    const store = new KyselySubcloudStore(db)
    for (const n of [21, 22, 23]) await store.insert(fields(`alone${n}`, n), ['platform'])
    const results = await Promise.all([
      store.mutate('alone21', setting({ managementState: 'managed' })),
      store.mutate('alone22', setting({ name: 'alone23' })),
      store.mutate('alone23', setting({ managementState: 'managed' })),
    ])
    assert.equal(
      results.map((r) => r.kind),
      ['updated', 'taken', 'updated'],
    )
    assert.is((await store.find('alone21'))?.managementState, 'managed')
    assert.is((await store.find('alone23'))?.managementState, 'managed')
    assert.ok(await store.find('alone22'), 'the refused rename left its row')
    const xids = await changedBy(db, ['alone21', 'alone23'])
    assert.is.not(xids.get('alone21'), xids.get('alone23'), 'each was written alone')
  })

  if (kind === 'postgres') {
    test('a change committed after a look, by a transaction begun before it, is found by the next', async (c) => {
      const { db } = opened(c)
      const store = new KyselySubcloudStore(db)
      await store.insert(fields('late1', 41), ['platform'])
      const start = await store.changes()
      let release: () => void = () => undefined
      const held = new Promise<void>((resolve) => (release = resolve))
      let written: () => void = () => undefined
      const wrote = new Promise<void>((resolve) => (written = resolve))
      const writer = db.transaction().execute(async (trx) => {
        await trx
          .updateTable('subclouds')
          .set({ deploy_status: 'complete' })
          .where('name', '=', 'late1')
          .execute()
        written()
        await held
      })
      await wrote
      // Another writer commits meanwhile, so the look below sees a newer change than the held one.
      await store.insert(fields('late2', 42), ['platform'])
      const during = await store.changes(start.mark)
      assert.equal(names(during), ['late2'], 'the held change is not visible yet')
      release()
      await writer
      const next = await store.changes(during.mark)
      assert.ok(names(next).includes('late1'), `the late commit is found: ${names(next).join(', ')}`)
      assert.is(next.subclouds.find((s) => s.name === 'late1')?.deployStatus, 'complete')
    })
  }

  return test
}

storeSuite('pglite').run()
storeSuite('postgres').run()
