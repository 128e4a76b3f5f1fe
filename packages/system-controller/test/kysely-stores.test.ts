import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { KyselyAlarmStore } from '../src/adapters/kysely/kysely-alarm-store.js'
import { KyselyAuditStore } from '../src/adapters/kysely/kysely-audit-store.js'
import { KyselySubcloudGroupStore } from '../src/adapters/kysely/kysely-subcloud-group-store.js'
import { KyselySubcloudStore } from '../src/adapters/kysely/kysely-subcloud-store.js'
import type { AlarmRaise } from '../src/audit/index.js'
import { SubcloudStateError } from '../src/errors.js'
import { refuse, remove, update } from '../src/ports/mutation.js'
import { insertSubcloud as inserted, subcloudFields } from './subcloud-fixtures.js'
import { openedDb, useTempDatabase } from './temp-database.js'
import type { DatabaseCtx } from './temp-database.js'

type Ctx = DatabaseCtx

function storesOf(ctx: Ctx) {
  const db = openedDb(ctx)
  return {
    store: new KyselySubcloudStore(db),
    groups: new KyselySubcloudGroupStore(db),
    alarms: new KyselyAlarmStore(db),
    audit: new KyselyAuditStore(db),
  }
}

const subcloud = subcloudFields

const outOfSync = (name: string): AlarmRaise => ({
  alarmId: '280.002',
  region: 'SystemController',
  entityInstanceId: `subcloud=${name}.resource=platform`,
  severity: 'major',
  reasonText: `Subcloud ${name} platform sync_status is out-of-sync`,
  proposedRepairAction: 'revert',
  serviceAffecting: false,
})

const test = suite<Ctx>('kysely stores', { db: undefined })

useTempDatabase(test, 'dc-store-')

test('KyselySubcloudGroupStore - migrations create the Default group with id 1', async (ctx) => {
  const groups = await storesOf(ctx).groups.list()
  assert.equal(
    groups.map((g) => [g.id, g.name, g.updateApplyType, g.maxParallelSubclouds]),
    [[1, 'Default', 'parallel', 2]],
  )
})

test('KyselySubcloudStore - insert writes the row and one unknown status per endpoint; names stay unique', async (ctx) => {
  const { store } = storesOf(ctx)
  const record = await inserted(store, subcloud('sc1', 1))
  assert.is(record.groupName, 'Default')
  assert.is(record.externalOamFamily, 'IPv6')
  assert.equal(record.endpoints, [{ endpointType: 'platform', syncStatus: 'unknown' }])
  assert.equal(await store.insert({ ...subcloud('sc1', 2) }, ['platform']), { kind: 'taken' })
  assert.is((await store.list()).length, 1, 'the refused insert wrote nothing')
  assert.is((await store.find(record.regionName))?.name, 'sc1')
  assert.is((await store.find(String(record.id)))?.name, 'sc1')
  assert.is(await store.find('nope'), undefined)
})

test('KyselySubcloudStore - a refused mutation changes nothing and says why', async (ctx) => {
  const { store } = storesOf(ctx)
  const result = await store.mutate('sc1', (current) =>
    refuse(new SubcloudStateError(current.name, 'refused')),
  )
  assert.is(result.kind, 'refused')
  assert.instance(result.kind === 'refused' ? result.error : undefined, SubcloudStateError)
  assert.is((await store.find('sc1'))?.managementState, 'unmanaged')
  assert.equal(await store.mutate('nope', () => remove), { kind: 'not-found' })
})

test('KyselyAuditStore - status batches: in-sync only lands on managed subclouds; alarms raised once', async (ctx) => {
  const { store, alarms, audit } = storesOf(ctx)
  const sc = await store.find('sc1')
  if (sc === undefined) throw new Error('sc1 missing')
  const signal = new AbortController().signal
  await audit.writeStatusBatch(
    [
      {
        subcloudId: sc.id,
        name: 'sc1',
        availability: 'online',
        endpoints: { platform: 'in-sync' },
        raiseAlarms: [],
        clearAlarms: [],
      },
    ],
    signal,
  )
  let now = await store.find('sc1')
  assert.is(now?.availability, 'online')
  assert.is(now?.endpoints[0]?.syncStatus, 'unknown', 'in-sync is not applied to an unmanaged subcloud')
  await store.mutate('sc1', () => update({ set: { managementState: 'managed' } }))
  for (let i = 0; i < 2; i++) {
    await audit.writeStatusBatch(
      [
        {
          subcloudId: sc.id,
          name: 'sc1',
          endpoints: { platform: 'out-of-sync' },
          raiseAlarms: [outOfSync('sc1')],
          clearAlarms: [],
        },
      ],
      signal,
    )
  }
  now = await store.find('sc1')
  assert.is(now?.endpoints[0]?.syncStatus, 'out-of-sync')
  assert.is((await alarms.list('SystemController')).length, 1, 'raising an active alarm again is a no-op')
  const targets = await audit.loadAuditTargets(signal)
  assert.equal(
    targets[0]?.activeAlarms.map((a) => a.alarmId),
    ['280.002'],
  )
  await audit.writeStatusBatch(
    [
      {
        subcloudId: 9999,
        name: 'gone',
        availability: 'offline',
        endpoints: { platform: 'out-of-sync' },
        raiseAlarms: [outOfSync('gone')],
        clearAlarms: [],
      },
    ],
    signal,
  )
  assert.equal(
    (await alarms.list('SystemController')).map((a) => a.entityInstanceId),
    ['subcloud=sc1.resource=platform'],
    'nothing is raised for a subcloud deleted since the audit decided',
  )
  // One batch clears one subcloud's alarm while it raises another's, in one statement.
  const [a, b] = [
    await inserted(store, subcloud('batch-a', 90)),
    await inserted(store, subcloud('batch-b', 91)),
  ]
  const entities = async () =>
    (await alarms.list('SystemController')).map((x) => x.entityInstanceId).filter((e) => e.includes('batch-'))
  await audit.writeStatusBatch(
    [{ subcloudId: a.id, name: 'batch-a', raiseAlarms: [outOfSync('batch-a')], clearAlarms: [] }],
    signal,
  )
  await audit.writeStatusBatch(
    [
      { subcloudId: a.id, name: 'batch-a', raiseAlarms: [], clearAlarms: [outOfSync('batch-a')] },
      { subcloudId: b.id, name: 'batch-b', raiseAlarms: [outOfSync('batch-b')], clearAlarms: [] },
    ],
    signal,
  )
  assert.equal(await entities(), ['subcloud=batch-b.resource=platform'])
  for (const name of ['batch-a', 'batch-b']) await store.mutate(name, () => remove)
})

test('KyselySubcloudStore - unmanage resets endpoints and clears the out-of-sync alarm in one transaction', async (ctx) => {
  const { store, alarms } = storesOf(ctx)
  const result = await store.mutate('sc1', () =>
    update({ set: { managementState: 'unmanaged' }, resetEndpoints: true, clearAlarms: ['280.002'] }),
  )
  assert.is(result.kind === 'updated' ? result.after.endpoints[0]?.syncStatus : undefined, 'unknown')
  assert.equal(await alarms.list('SystemController'), [])
})

test('KyselySubcloudStore - deploy moves follow the table; interrupted deploys become their failure state', async (ctx) => {
  const { store } = storesOf(ctx)
  const sc2 = await inserted(store, subcloud('sc2', 2))
  for (const to of ['creating', 'create-complete', 'pre-bootstrap', 'bootstrapping'] as const) {
    assert.ok(await store.moveDeploy(sc2.id, to, 'deploy'), to)
  }
  assert.not.ok(await store.moveDeploy(sc2.id, 'complete', 'deploy'), 'a stale move is refused')
  assert.throws(
    () => store.moveDeploy(sc2.id, 'installing', 'deploy'),
    /never moves a subcloud to installing/,
  )
  const failed = await store.failInterrupted('interrupted by a controller restart')
  assert.ok(failed.includes('sc2'))
  const after = await store.find('sc2')
  assert.is(after?.deployStatus, 'bootstrap-failed')
  assert.is(after?.errorDescription, 'bootstrapping: interrupted by a controller restart')
})

test('KyselySubcloudGroupStore - groups: unique names, member count under lock, delete', async (ctx) => {
  const { groups } = storesOf(ctx)
  const edge = { name: 'edge', description: '', updateApplyType: 'serial', maxParallelSubclouds: 1 } as const
  const group = await groups.insert(edge)
  assert.is(group.kind === 'created' ? group.row.id : undefined, 2)
  assert.equal(await groups.insert(edge), { kind: 'taken' })
  assert.equal(await groups.mutate('edge', () => update({ name: 'Default' })), { kind: 'taken' })
  let seen = -1
  await groups.mutate('Default', (_g, members) => {
    seen = members
    return update({})
  })
  assert.is(seen, 2)
  const deleted = await groups.mutate('2', () => remove)
  assert.is(deleted.kind === 'deleted' ? deleted.before.name : '', 'edge')
  assert.is(await groups.find('edge'), undefined)
})

test('KyselySubcloudStore - delete removes the row, its statuses and its alarms', async (ctx) => {
  const { store, alarms, audit } = storesOf(ctx)
  const sc = await store.find('sc1')
  await audit.writeStatusBatch(
    [{ subcloudId: sc?.id ?? 0, name: 'sc1', raiseAlarms: [outOfSync('sc1')], clearAlarms: [] }],
    new AbortController().signal,
  )
  const result = await store.mutate('sc1', () => remove)
  assert.is(result.kind, 'deleted')
  assert.is(await store.find('sc1'), undefined)
  assert.equal(await alarms.list('SystemController'), [])
})

test('KyselyAuditStore - a status batch larger than one statement is written whole; targets load by id', async (ctx) => {
  const { store, alarms, audit } = storesOf(ctx)
  const signal = new AbortController().signal
  const ids: number[] = []
  for (let i = 0; i < 1005; i++) ids.push((await inserted(store, subcloud(`bulk${i}`, 3000 + i))).id)
  const heartbeat = new Date('2025-01-02T03:04:05Z')
  await audit.writeStatusBatch(
    ids.map((subcloudId, i) => ({
      subcloudId,
      name: `bulk${i}`,
      availability: 'online' as const,
      auditFailCount: i % 3,
      lastHeartbeatAt: heartbeat,
      endpoints: { platform: 'out-of-sync' as const },
      raiseAlarms: [outOfSync(`bulk${i}`)],
      clearAlarms: [],
    })),
    signal,
  )
  const bulk = (await store.list()).filter((r) => r.name.startsWith('bulk'))
  assert.is(bulk.length, 1005)
  assert.ok(bulk.every((r) => r.availability === 'online'))
  assert.ok(bulk.every((r) => r.endpoints[0]?.syncStatus === 'out-of-sync'))
  assert.is(bulk[1004]?.auditFailCount, 1004 % 3)
  assert.is(bulk[1004]?.lastHeartbeatAt?.getTime(), heartbeat.getTime())
  const raised = (await alarms.list('SystemController')).filter((a) =>
    a.entityInstanceId.startsWith('subcloud=bulk'),
  )
  assert.is(raised.length, 1005)

  const [one, ...rest] = await audit.loadAuditTargets(signal, [ids[7] ?? 0, 999_999])
  assert.equal(rest, [], 'only the ids asked for, and only those that exist')
  assert.is(one?.name, 'bulk7')
  assert.equal(
    one?.activeAlarms.map((a) => a.entityInstanceId),
    ['subcloud=bulk7.resource=platform'],
  )
  // Only the availability changes: the rest of the row is left as it was.
  await audit.writeStatusBatch(
    ids.map((subcloudId, i) => ({
      subcloudId,
      name: `bulk${i}`,
      availability: 'offline' as const,
      raiseAlarms: [],
      clearAlarms: [outOfSync(`bulk${i}`)],
    })),
    signal,
  )
  const after = (await store.list()).filter((r) => r.name.startsWith('bulk'))
  assert.ok(after.every((r) => r.availability === 'offline'))
  assert.is(after[1004]?.auditFailCount, 1004 % 3)
  assert.is(after[0]?.lastHeartbeatAt?.getTime(), heartbeat.getTime())
  assert.equal(
    (await alarms.list('SystemController')).filter((a) => a.entityInstanceId.startsWith('subcloud=bulk')),
    [],
  )
})

test('KyselySubcloudStore - concurrent expected hashes are all stored; one subcloud set twice keeps the later', async (ctx) => {
  const { store } = storesOf(ctx)
  const bulk = (await store.list()).filter((r) => r.name.startsWith('bulk'))
  const first = bulk[0]?.id ?? 0
  await Promise.all([
    ...bulk.map((r) => store.setExpectedConfigHash(r.id, `hash-${r.name}`)),
    store.setExpectedConfigHash(first, 'hash-later'),
    store.setExpectedConfigHash(999_999, 'hash-of-nobody'),
  ])
  const after = new Map((await store.list()).map((r) => [r.id, r.expectedConfigHash]))
  assert.is(after.get(first), 'hash-later', 'the later write of one subcloud wins')
  assert.ok(
    bulk.slice(1).every((r) => after.get(r.id) === `hash-${r.name}`),
    'every other subcloud has its own hash',
  )
  assert.not.ok(after.has(999_999))
})

test.run()
