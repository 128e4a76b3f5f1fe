import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { silentLogger } from '@dc/runtime'
import type { Kysely } from 'kysely'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import type { StartedGeo } from '../src/geo/start-geo.js'
import { startGeo } from '../src/geo/start-geo.js'
import { OwnSystem, parseOwnBootstrapValues } from '../src/own-system.js'
import { KyselyAlarmStore } from '../src/adapters/kysely/kysely-alarm-store.js'
import { KyselySubcloudGroupStore } from '../src/adapters/kysely/kysely-subcloud-group-store.js'
import { KyselySubcloudStore } from '../src/adapters/kysely/kysely-subcloud-store.js'
import { KyselySystemStore } from '../src/adapters/kysely/kysely-system-store.js'
import { openDatabase } from '../src/adapters/kysely/open-database.js'
import type { Database } from '../src/adapters/kysely/schema.js'
import { SubcloudGroupService } from '../src/subcloud-groups/subcloud-group-service.js'
import { SubcloudService } from '../src/subclouds/subcloud-service.js'
import { FakeAgents, FakeNats, rejects, until } from './geo-fakes.js'
import { managerCalls } from './manager-calls.js'
import { recordingLogger } from './recording-logger.js'
import { controllerYaml, subcloudYaml as siteSubcloudYaml } from './site-values.js'
import { simulateSubcloudState } from './subcloud-fixtures.js'

/** A subcloud of site A (its controller gateway is in A's management subnet). */
function subcloudYaml(n: number): string {
  return `${siteSubcloudYaml(n, `sc${n}`)}admin_password: not-in-copies\n`
}

/** The same subcloud as B would hold it: B's own gateway, for a clash with A's member of that name. */
function siteBSubcloudYaml(n: number): string {
  return subcloudYaml(n)
    .replace('systemcontroller_gateway_address: fd01:1::1', 'systemcontroller_gateway_address: fd01:2::1')
    .replaceAll(`fd01:1${n}::`, `fd01:5${n}::`)
    .replaceAll(`fd00:1${n}::`, `fd00:5${n}::`)
}

interface Site {
  dir: string
  db: Kysely<Database>
  store: KyselySubcloudStore
  alarms: KyselyAlarmStore
  own: OwnSystem
  geo: StartedGeo
  manager: ReturnType<typeof managerCalls>
}

interface Ctx {
  nats: FakeNats
  agents: FakeAgents
  a: Site | undefined
  b: Site | undefined
  logs: string[]
}

const HEARTBEAT_MS = 100

const test = suite<Ctx>('PeerLink', {
  nats: new FakeNats(),
  agents: new FakeAgents(),
  a: undefined,
  b: undefined,
  logs: [],
})

/** The audit as far as geo needs it: a complete subcloud whose agent exists is seen online. */
function fakeAudit(db: Kysely<Database>, agents: FakeAgents) {
  return {
    refresh: async () => {
      for (const s of await new KyselySubcloudStore(db).list()) {
        if (
          s.deployStatus === 'complete' &&
          s.availability === 'offline' &&
          agents.agents.has(s.bootstrapAddress)
        ) {
          await simulateSubcloudState(db, String(s.id), { availability: 'online' })
        }
      }
    },
    expectConfigHash: () => undefined,
    snapshot: () => [],
    refreshSubcloud(): Promise<void> {
      return this.refresh()
    },
    snapshotOf: () => undefined,
  }
}

async function openSite(ctx: Ctx, n: number, name: string, dir?: string): Promise<Site> {
  const dataDir = dir ?? (await mkdtemp(join(tmpdir(), `geo-${name}-`)))
  const { db } = await openDatabase({ dataDir })
  const store = new KyselySubcloudStore(db)
  const own = await OwnSystem.open(
    new KyselySystemStore(db),
    parseOwnBootstrapValues(controllerYaml(n, name)),
  )
  const channels = ctx.agents.channels()
  const audit = fakeAudit(db, ctx.agents)
  const geo = await startGeo({
    config: {
      nats: undefined,
      siteId: undefined,
      heartbeatIntervalMs: HEARTBEAT_MS,
      maintenanceTimeoutMs: 300,
    },
    db,
    subclouds: store,
    own,
    channels,
    audit,
    log: recordingLogger(ctx.logs, name),
    bus: ctx.nats.client(name),
  })
  const subclouds = new SubcloudService({
    subclouds: store,
    groups: new KyselySubcloudGroupStore(db),
    own,
    deploys: { start: () => undefined, isRunning: () => false },
    audit,
    channels,
    membership: geo.service,
    log: silentLogger,
  })
  const manager = managerCalls(subclouds, new SubcloudGroupService(new KyselySubcloudGroupStore(db)))
  return { dir: dataDir, db, store, alarms: new KyselyAlarmStore(db), own, geo, manager }
}

function sites(ctx: Ctx): { a: Site; b: Site } {
  if (ctx.a === undefined || ctx.b === undefined) throw new Error('sites not started')
  return { a: ctx.a, b: ctx.b }
}

/** Onboard subcloud `n` at `site` as the deploy and audit would leave it: complete, managed, online. */
async function onboarded(ctx: Ctx, site: Site, n: number, yaml = subcloudYaml(n)): Promise<string> {
  const address = `[fd00:1${n}::2]:50051`
  ctx.agents.add(address)
  await site.manager.addSubcloud({ bootstrap_address: address, bootstrap_values_yaml: yaml })
  await simulateSubcloudState(site.db, `sc${n}`, {
    deployStatus: 'complete',
    availability: 'online',
    managementState: 'managed',
  })
  return address
}

async function association(site: Site, index = 0) {
  const list = await site.geo.service.listAssociations()
  return list[index]
}

async function alarms(site: Site): Promise<string[]> {
  return (await site.alarms.list('SystemController')).map(
    (a) => `${a.alarmId} ${a.entityInstanceId} ${a.severity}`,
  )
}

test.before(async (ctx) => {
  ctx.a = await openSite(ctx, 1, 'site-a')
  ctx.b = await openSite(ctx, 2, 'site-b')
})

test.after(async (ctx) => {
  for (const site of [ctx.a, ctx.b]) {
    if (site === undefined) continue
    await site.geo.close()
    await site.db.destroy()
    await rm(site.dir, { recursive: true, force: true })
  }
})

test('PeerLink - an association syncs the group and its members to the peer as secondary copies', async (ctx) => {
  const { a, b } = sites(ctx)
  await a.geo.service.addPeer({
    peer_uuid: b.geo.siteId,
    peer_name: 'site-b',
    manager_endpoint: 'nats',
    manager_username: 'admin',
    manager_password: 'never-stored',
    peer_controller_gateway_ip: 'fd01:2::1',
    heartbeat_failure_threshold: 30,
  })
  await b.geo.service.addPeer({
    peer_uuid: a.geo.siteId,
    peer_name: 'site-a',
    manager_endpoint: 'nats',
    manager_username: 'admin',
    manager_password: 'never-stored',
    peer_controller_gateway_ip: 'fd01:1::1',
    heartbeat_failure_threshold: 3,
    heartbeat_failure_policy: 'rehome',
  })
  const address = await onboarded(ctx, a, 1)
  const group = await a.geo.service.addGroup({ peer_group_name: 'pg1' })
  assert.is(group.system_leader_id, a.geo.siteId)
  const joined = await a.manager.updateSubcloud({ subcloud: 'sc1', peer_group: 'pg1' })
  assert.is(joined.peer_group_name, 'pg1')
  assert.is(ctx.agents.agents.get(address)?.epoch, 2n, 'joining claims the agent at the group epoch')
  assert.is(ctx.agents.agents.get(address)?.controllerId, a.own.uuid)

  const created = await a.geo.service.addAssociation({
    peer_group: 'pg1',
    system_peer: 'site-b',
    peer_group_priority: 2,
  })
  assert.is(created.association_type, 'primary')

  const copy = await until('the copy at site B', async () => {
    const found = await b.store.find('sc1')
    return found?.deployStatus === 'secondary' ? found : undefined
  })
  const original = await a.store.find('sc1')
  assert.is(copy.regionName, original?.regionName, 'same region name on both sites')
  assert.is(copy.systemcontrollerGatewayIp, 'fd01:2::1', "the controller gateway is swapped for site B's")
  assert.is(copy.managementState, 'unmanaged')
  assert.not.match(copy.rehomeData ?? '', /not-in-copies/, 'no secret travels')
  assert.match(copy.rehomeData ?? '', /"bootstrap-address":"\[fd00:11::2\]:50051"/)
  const peerGroup = await b.geo.service.getGroup('pg1')
  assert.is(peerGroup.group_priority, 2, 'the peer group gets the association priority')
  assert.is(peerGroup.system_leader_id, a.geo.siteId)
  const nonPrimary = await until('the non-primary association at B', async () => {
    const found = await association(b)
    return found?.sync_status === 'in-sync' ? found : undefined
  })
  assert.is(nonPrimary.association_type, 'non-primary')
  await until('A in-sync', async () => (await association(a))?.sync_status === 'in-sync')
  const listed = await b.manager.listSubclouds(false)
  assert.equal(listed, [], 'secondary copies are hidden without --all')
})

test('PeerLink - member rules: lifecycle blocked locally, the non-primary site cannot edit', async (ctx) => {
  const { a, b } = sites(ctx)
  await rejects(() => a.manager.unmanageSubcloud('sc1', false), /peer group/)
  await rejects(() => a.manager.deleteSubcloud('sc1'), /peer group/)
  await rejects(() => b.manager.updateSubcloud({ subcloud: 'sc1', description: 'x' }), /primary site/)
  await rejects(
    () => b.geo.service.updateGroup({ peer_group: 'pg1', max_subcloud_rehoming: 5 }),
    /led by site-a/,
  )
  await rejects(() => a.geo.service.deleteGroup('pg1'), /association/)
  await rejects(() => a.geo.service.deletePeer('site-b'), /association/)
  const nonPrimary = String((await association(b))?.id)
  await rejects(() => b.geo.service.syncAssociation(nonPrimary), /primary association/)
})

test('PeerLink - a member change reaches the copy and the association returns to in-sync', async (ctx) => {
  const { a, b } = sites(ctx)
  const stream = `DC-${a.geo.siteId}`
  const published = ctx.nats.streamMessages(stream).length
  await a.manager.updateSubcloud({ subcloud: 'sc1', description: 'moved to rack 7' })
  assert.is(ctx.nats.streamMessages(stream).length, published + 1, 'one event per change, no manual sync')
  await until('the change at B', async () => (await b.store.find('sc1'))?.description === 'moved to rack 7')
  await until('A in-sync again', async () => (await association(a))?.sync_status === 'in-sync')
})

test('PeerLink - a full resync is published anew but rewrites no copy already in sync', async (ctx) => {
  const { a, b } = sites(ctx)
  const before = await b.store.find('sc1')
  const stream = `DC-${a.geo.siteId}`
  const published = ctx.nats.streamMessages(stream).length
  await a.geo.service.syncAssociation(String((await association(a))?.id))
  assert.ok(ctx.nats.streamMessages(stream).length >= published + 3, 'group, members and snapshot end')
  await until('A in-sync after the resync', async () => (await association(a))?.sync_status === 'in-sync')
  const after = await b.store.find('sc1')
  assert.equal(after?.updatedAt, before?.updatedAt)
})

test('PeerLink - a member the peer cannot apply fails the association, naming it, until it leaves', async (ctx) => {
  const { a, b } = sites(ctx)
  // Site B already owns a different subcloud named sc2.
  ctx.agents.add('[fd00:52::2]:50051')
  await b.manager.addSubcloud({
    bootstrap_address: '[fd00:52::2]:50051',
    bootstrap_values_yaml: siteBSubcloudYaml(2),
  })
  await onboarded(ctx, a, 2)
  await a.manager.updateSubcloud({ subcloud: 'sc2', peer_group: 'pg1' })
  const failed = await until('A failed', async () => {
    const found = await association(a)
    return found?.sync_status === 'failed' ? found : undefined
  })
  assert.match(failed.sync_message ?? '', /sc2: subcloud name sc2 is taken/)
  await a.manager.updateSubcloud({ subcloud: 'sc2', peer_group: 'none' })
  await until('A in-sync after sc2 left', async () => (await association(a))?.sync_status === 'in-sync')
})

test('PeerLink - heartbeat failure raises 280.004; the rehome policy migrates after the maintenance timeout', async (ctx) => {
  const { a, b } = sites(ctx)
  await until(
    'B sees A available',
    async () => (await b.geo.service.getPeer('site-a')).availability_state === 'available',
  )
  await a.geo.close()
  await until(
    'B declares A unavailable',
    async () => (await b.geo.service.getPeer('site-a')).availability_state === 'unavailable',
  )
  await until('280.004 critical at B', async () =>
    (await alarms(b)).some((x) => x.startsWith('280.004 peer=site-a critical')),
  )
  const migrated = await until('sc1 managed at B', async () => {
    const found = await b.store.find('sc1')
    return found?.managementState === 'managed' ? found : undefined
  })
  assert.is(migrated.deployStatus, 'complete')
  assert.is(migrated.rehomed, true)
  assert.is(migrated.epoch, 3)
  const agent = ctx.agents.agents.get(migrated.bootstrapAddress)
  assert.is(agent?.epoch, 3n, 'the agent now obeys epoch 3')
  assert.is(agent?.controllerId, b.own.uuid)
  const group = await b.geo.service.getGroup('pg1')
  assert.is(group.system_leader_id, b.geo.siteId)
  await until(
    'migration complete',
    async () => (await b.geo.service.getGroup('pg1')).migration_status === 'complete',
  )
  await until('280.005 at B', async () =>
    (await alarms(b)).some((x) => x.startsWith('280.005 peer_group=pg1')),
  )
  const status = await b.geo.service.groupStatus('pg1')
  assert.is(status.managed, 1)
})

test('PeerLink - a restarted site reconciles ownership, demotes its member and is fenced out', async (ctx) => {
  const { a, b } = sites(ctx)
  const restarted = await startGeo({
    config: {
      nats: undefined,
      siteId: undefined,
      heartbeatIntervalMs: HEARTBEAT_MS,
      maintenanceTimeoutMs: 300,
    },
    db: a.db,
    subclouds: a.store,
    own: a.own,
    channels: ctx.agents.channels(),
    audit: fakeAudit(a.db, ctx.agents),
    log: recordingLogger(ctx.logs, 'site-a'),
    bus: ctx.nats.client('site-a'),
  })
  a.geo = restarted
  const demoted = await until('sc1 demoted at A', async () => {
    const found = await a.store.find('sc1')
    return found?.deployStatus === 'secondary' ? found : undefined
  })
  assert.is(demoted.managementState, 'unmanaged')
  assert.is((await a.geo.service.getGroup('pg1')).system_leader_id, b.geo.siteId)
  await until('280.005 at A', async () =>
    (await alarms(a)).some((x) => x.startsWith('280.005 peer_group=pg1')),
  )
  const stale = ctx.agents.claim(demoted.bootstrapAddress, 2n, a.own.uuid)
  assert.instance(stale, Error, "the agent refuses A's stale epoch")
  await until('280.004 cleared at B', async () => !(await alarms(b)).some((x) => x.startsWith('280.004')))
  await until('B in-sync with A', async () => (await association(b))?.sync_status === 'in-sync')
  await rejects(() => a.manager.manageSubcloud('sc1', true), /peer group/)
})

test('PeerLink - failback is an explicit migrate on the preferred site; 280.005 clears on both', async (ctx) => {
  const { a, b } = sites(ctx)
  const group = await a.geo.service.migrate('pg1')
  assert.is(group.system_leader_id, a.geo.siteId)
  assert.is(group.migration_status, 'migrating')
  const back = await until('sc1 managed at A again', async () => {
    const found = await a.store.find('sc1')
    return found?.managementState === 'managed' ? found : undefined
  })
  assert.is(back.epoch, 4)
  assert.is(ctx.agents.agents.get(back.bootstrapAddress)?.controllerId, a.own.uuid)
  await until('sc1 secondary at B', async () => (await b.store.find('sc1'))?.deployStatus === 'secondary')
  await until('280.005 cleared at A', async () => !(await alarms(a)).some((x) => x.startsWith('280.005')))
  await until('280.005 cleared at B', async () => !(await alarms(b)).some((x) => x.startsWith('280.005')))
  await rejects(() => a.geo.service.migrate('pg1'), /already led by this site/)
})

test('PeerLink - deleting the association removes the group and its copies on the peer', async (ctx) => {
  const { a, b } = sites(ctx)
  await until('A in-sync before the delete', async () => (await association(a))?.sync_status === 'in-sync')
  const id = String((await association(a))?.id)
  await a.geo.service.deleteAssociation(id)
  await until('the copy gone at B', async () => (await b.store.find('sc1')) === undefined)
  await until('the group gone at B', async () => (await b.geo.service.listGroups()).length === 0)
  assert.equal(await b.geo.service.listAssociations(), [])
  assert.is((await a.store.find('sc1'))?.managementState, 'managed', 'the owner keeps its member')
})

test.run()
