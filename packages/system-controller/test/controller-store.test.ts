import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Kysely } from 'kysely'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import type { AlarmRaise } from '../src/audit/index.js'
import { SubcloudNameTakenError, SubcloudStateError } from '../src/errors.js'
import { ControllerStore } from '../src/store/controller-store.js'
import { openDatabase } from '../src/store/open-database.js'
import type { Database, NewSubcloud } from '../src/store/schema.js'

interface Ctx {
  dir: string
  db: Kysely<Database> | undefined
}

function storeOf(ctx: Ctx): ControllerStore {
  if (ctx.db === undefined) throw new Error('database not open')
  return new ControllerStore(ctx.db)
}

function subcloud(name: string, n: number): NewSubcloud {
  return {
    name,
    description: '',
    location: '',
    region_name: `${n}`.padStart(32, 'a'),
    software_version: '24.09',
    management_subnet: `fd01:${n}::/64`,
    management_start_ip: `fd01:${n}::2`,
    management_end_ip: `fd01:${n}::50`,
    management_gateway_ip: `fd01:${n}::1`,
    systemcontroller_gateway_ip: 'fd01:1::1',
    external_oam_subnet_ip_family: '6',
    group_id: 1,
    deploy_status: 'not-deployed',
    error_description: 'No errors present',
    availability_status: 'offline',
    audit_fail_count: 0,
    management_state: 'unmanaged',
    bootstrap_address: `[::1]:${50000 + n}`,
    bootstrap_values_json: '{}',
    epoch: 1,
  }
}

const outOfSync = (name: string): AlarmRaise => ({
  alarmId: '280.002',
  region: 'SystemController',
  entityInstanceId: `subcloud=${name}.resource=platform`,
  severity: 'major',
  reasonText: `Subcloud ${name} platform sync_status is out-of-sync`,
  proposedRepairAction: 'revert',
  serviceAffecting: false,
})

const test = suite<Ctx>('ControllerStore', { dir: '', db: undefined })

test.before(async (ctx) => {
  ctx.dir = await mkdtemp(join(tmpdir(), 'dc-store-'))
  ctx.db = (await openDatabase({ dataDir: ctx.dir })).db
})

test.after(async (ctx) => {
  await ctx.db?.destroy()
  await rm(ctx.dir, { recursive: true, force: true })
})

test('ControllerStore - migrations create the Default group with id 1', async (ctx) => {
  const groups = await storeOf(ctx).listGroups()
  assert.equal(
    groups.map((g) => [g.id, g.name, g.update_apply_type, g.max_parallel_subclouds]),
    [[1, 'Default', 'parallel', 2]],
  )
})

test('ControllerStore - insert writes the row and one unknown status per endpoint; names stay unique', async (ctx) => {
  const store = storeOf(ctx)
  const record = await store.insertSubcloud(subcloud('sc1', 1), ['platform'])
  assert.is(record.group_name, 'Default')
  assert.equal(record.endpoints, [{ endpointType: 'platform', syncStatus: 'unknown' }])
  try {
    await store.insertSubcloud({ ...subcloud('sc1', 2) }, ['platform'])
    assert.unreachable('duplicate name accepted')
  } catch (err) {
    assert.instance(err, SubcloudNameTakenError)
  }
  assert.is((await store.listSubclouds()).length, 1, 'the refused insert wrote nothing')
  assert.is((await store.findSubcloud(record.region_name))?.name, 'sc1')
  assert.is((await store.findSubcloud(String(record.id)))?.name, 'sc1')
  assert.is(await store.findSubcloud('nope'), undefined)
})

test('ControllerStore - a refused mutation changes nothing', async (ctx) => {
  const store = storeOf(ctx)
  try {
    await store.mutateSubcloud('sc1', (current) => {
      throw new SubcloudStateError(current.name, 'refused')
    })
    assert.unreachable()
  } catch (err) {
    assert.instance(err, SubcloudStateError)
  }
  assert.is((await store.findSubcloud('sc1'))?.management_state, 'unmanaged')
})

test('ControllerStore - status batches: in-sync only lands on managed subclouds; alarms raised once', async (ctx) => {
  const store = storeOf(ctx)
  const sc = await store.findSubcloud('sc1')
  if (sc === undefined) throw new Error('sc1 missing')
  const signal = new AbortController().signal
  await store.writeStatusBatch(
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
  let now = await store.findSubcloud('sc1')
  assert.is(now?.availability_status, 'online')
  assert.is(now?.endpoints[0]?.syncStatus, 'unknown', 'in-sync is not applied to an unmanaged subcloud')
  await store.mutateSubcloud('sc1', () => ({ kind: 'update', set: { management_state: 'managed' } }))
  for (let i = 0; i < 2; i++) {
    await store.writeStatusBatch(
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
  now = await store.findSubcloud('sc1')
  assert.is(now?.endpoints[0]?.syncStatus, 'out-of-sync')
  assert.is(
    (await store.listAlarms('SystemController')).length,
    1,
    'raising an active alarm again is a no-op',
  )
  const targets = await store.loadAuditTargets(signal)
  assert.equal(
    targets[0]?.activeAlarms.map((a) => a.alarmId),
    ['280.002'],
  )
  await store.writeStatusBatch(
    [{ subcloudId: 9999, name: 'gone', availability: 'offline', raiseAlarms: [], clearAlarms: [] }],
    signal,
  )
})

test('ControllerStore - unmanage resets endpoints and clears the out-of-sync alarm in one transaction', async (ctx) => {
  const store = storeOf(ctx)
  const result = await store.mutateSubcloud('sc1', () => ({
    kind: 'update',
    set: { management_state: 'unmanaged' },
    resetEndpoints: true,
    clearAlarmIds: ['280.002'],
  }))
  assert.is(result?.after?.endpoints[0]?.syncStatus, 'unknown')
  assert.equal(await store.listAlarms('SystemController'), [])
})

test('ControllerStore - interrupted deploys become their failure state with the reason', async (ctx) => {
  const store = storeOf(ctx)
  await store.insertSubcloud(subcloud('sc2', 2), ['platform'])
  const sc2 = await store.findSubcloud('sc2')
  assert.ok(await store.transitionDeploy(sc2?.id ?? 0, ['not-deployed'], 'bootstrapping'))
  assert.not.ok(
    await store.transitionDeploy(sc2?.id ?? 0, ['creating'], 'complete'),
    'a stale transition is refused',
  )
  const failed = await store.failInterruptedDeploys(
    new Map([
      ['bootstrapping', 'bootstrap-failed'],
      ['not-deployed', 'create-failed'],
    ]),
    'interrupted by a controller restart',
  )
  assert.ok(failed.includes('sc2'))
  const after = await store.findSubcloud('sc2')
  assert.is(after?.deploy_status, 'bootstrap-failed')
  assert.is(after?.error_description, 'bootstrapping: interrupted by a controller restart')
})

test('ControllerStore - groups: unique names, member count under lock, delete', async (ctx) => {
  const store = storeOf(ctx)
  const group = await store.insertGroup({
    name: 'edge',
    description: '',
    update_apply_type: 'serial',
    max_parallel_subclouds: 1,
  })
  assert.is(group?.id, 2)
  assert.is(
    await store.insertGroup({
      name: 'edge',
      description: '',
      update_apply_type: 'serial',
      max_parallel_subclouds: 1,
    }),
    undefined,
  )
  assert.is(await store.mutateGroup('edge', () => ({ name: 'Default' })), 'name-taken')
  let seen = -1
  await store.mutateGroup('Default', (_g, members) => {
    seen = members
    return {}
  })
  assert.is(seen, 2)
  const deleted = await store.mutateGroup('2', () => 'delete')
  assert.is(typeof deleted === 'object' ? deleted.before.name : '', 'edge')
  assert.is(await store.findGroup('edge'), undefined)
})

test('ControllerStore - delete removes the row, its statuses and its alarms', async (ctx) => {
  const store = storeOf(ctx)
  const sc = await store.findSubcloud('sc1')
  await store.writeStatusBatch(
    [{ subcloudId: sc?.id ?? 0, name: 'sc1', raiseAlarms: [outOfSync('sc1')], clearAlarms: [] }],
    new AbortController().signal,
  )
  const result = await store.mutateSubcloud('sc1', () => ({ kind: 'delete' }))
  assert.is(result?.after, undefined)
  assert.is(await store.findSubcloud('sc1'), undefined)
  assert.equal(await store.listAlarms('SystemController'), [])
})

test('ControllerStore - a status batch larger than one statement is written whole; targets load by id', async (ctx) => {
  const store = storeOf(ctx)
  const signal = new AbortController().signal
  const ids: number[] = []
  for (let i = 0; i < 1005; i++)
    ids.push((await store.insertSubcloud(subcloud(`bulk${i}`, 3000 + i), ['platform'])).id)
  const heartbeat = new Date('2025-01-02T03:04:05Z')
  await store.writeStatusBatch(
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
  const bulk = (await store.listSubclouds()).filter((r) => r.name.startsWith('bulk'))
  assert.is(bulk.length, 1005)
  assert.ok(bulk.every((r) => r.availability_status === 'online'))
  assert.ok(bulk.every((r) => r.endpoints[0]?.syncStatus === 'out-of-sync'))
  assert.is(bulk[1004]?.audit_fail_count, 1004 % 3)
  assert.is(bulk[1004]?.last_heartbeat_at?.getTime(), heartbeat.getTime())
  const alarms = (await store.listAlarms('SystemController')).filter((a) =>
    a.entity_instance_id.startsWith('subcloud=bulk'),
  )
  assert.is(alarms.length, 1005)

  const [one, ...rest] = await store.loadAuditTargets(signal, [ids[7] ?? 0, 999_999])
  assert.equal(rest, [], 'only the ids asked for, and only those that exist')
  assert.is(one?.name, 'bulk7')
  assert.equal(
    one?.activeAlarms.map((a) => a.entityInstanceId),
    ['subcloud=bulk7.resource=platform'],
  )
  // Only the availability changes: the rest of the row is left as it was.
  await store.writeStatusBatch(
    ids.map((subcloudId, i) => ({
      subcloudId,
      name: `bulk${i}`,
      availability: 'offline' as const,
      raiseAlarms: [],
      clearAlarms: [outOfSync(`bulk${i}`)],
    })),
    signal,
  )
  const after = (await store.listSubclouds()).filter((r) => r.name.startsWith('bulk'))
  assert.ok(after.every((r) => r.availability_status === 'offline'))
  assert.is(after[1004]?.audit_fail_count, 1004 % 3)
  assert.is(after[0]?.last_heartbeat_at?.getTime(), heartbeat.getTime())
  assert.equal(
    (await store.listAlarms('SystemController')).filter((a) =>
      a.entity_instance_id.startsWith('subcloud=bulk'),
    ),
    [],
  )
})

test.run()
