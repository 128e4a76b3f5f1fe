import type { PlatformClient } from '@dc/protos'
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
import { KyselyAuditStore } from '../src/adapters/kysely/kysely-audit-store.js'
import { kyselyGeoStores } from '../src/adapters/kysely/kysely-geo-stores.js'
import { KyselySubcloudGroupStore } from '../src/adapters/kysely/kysely-subcloud-group-store.js'
import { KyselySubcloudStore } from '../src/adapters/kysely/kysely-subcloud-store.js'
import { KyselySystemStore } from '../src/adapters/kysely/kysely-system-store.js'
import { openDatabase } from '../src/adapters/kysely/open-database.js'
import type { Database } from '../src/adapters/kysely/schema.js'
import { SubcloudGroupService } from '../src/subcloud-groups/subcloud-group-service.js'
import { subcloudUseCases } from '../src/subclouds/subcloud-use-cases.js'
import { strategyAgents } from '../src/strategies/strategy-agents.js'
import { PeerLinkUnavailableError } from '../src/errors.js'
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

const test = suite<Ctx>('GeoLink', {
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
    stores: kyselyGeoStores(db, store),
    own,
    channels,
    audit,
    log: recordingLogger(ctx.logs, name),
    bus: ctx.nats.client(name),
  })
  const { subclouds, network } = subcloudUseCases({
    subclouds: store,
    groups: new KyselySubcloudGroupStore(db),
    own,
    deploys: {
      start: () => undefined,
      isRunning: () => false,
      abort: () => Promise.resolve(false),
      retained: () => undefined,
      forget: () => undefined,
      release: () => Promise.resolve(false),
    },
    audit,
    channels,
    membership: geo.service,
    agents: strategyAgents({ ...channels, platform: () => ({}) as PlatformClient }),
    controllerId: own.uuid,
    operational: { follow: () => Promise.resolve() },
    log: silentLogger,
  })
  const manager = managerCalls(subclouds, new SubcloudGroupService(new KyselySubcloudGroupStore(db)), network)
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
  const list = await site.geo.service.associations.list()
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

test('GeoLink - an association syncs the group and its members to the peer as secondary copies', async (ctx) => {
  const { a, b } = sites(ctx)
  await a.geo.service.peers.add({
    peerUuid: b.geo.siteId,
    peerName: 'site-b',
    managerEndpoint: 'nats',
    managerUsername: 'admin',
    peerControllerGatewayIp: 'fd01:2::1',
    heartbeatFailureThreshold: 30,
    // Rehome both ways, as peers are configured: A then fences its groups when it cannot confirm them.
    heartbeatFailurePolicy: 'rehome',
  })
  await b.geo.service.peers.add({
    peerUuid: a.geo.siteId,
    peerName: 'site-a',
    managerEndpoint: 'nats',
    managerUsername: 'admin',
    peerControllerGatewayIp: 'fd01:1::1',
    heartbeatFailureThreshold: 3,
    heartbeatFailurePolicy: 'rehome',
  })
  const address = await onboarded(ctx, a, 1)
  const group = await a.geo.service.groups.add({ name: 'pg1' })
  assert.is(group.leaderId, a.geo.siteId)
  const joined = await a.manager.updateSubcloud({ subcloud: 'sc1', peer_group: 'pg1' })
  assert.is(joined.peer_group_name, 'pg1')
  assert.is(ctx.agents.agents.get(address)?.epoch, 2n, 'joining claims the agent at the group epoch')
  assert.is(ctx.agents.agents.get(address)?.controllerId, a.own.uuid)

  const created = await a.geo.service.associations.add({
    peerGroup: 'pg1',
    systemPeer: 'site-b',
    peerGroupPriority: 2,
  })
  assert.is(created.associationType, 'primary')

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
  const peerGroup = await b.geo.service.groups.get('pg1')
  assert.is(peerGroup.priority, 2, 'the peer group gets the association priority')
  assert.is(peerGroup.leaderId, a.geo.siteId)
  const nonPrimary = await until('the non-primary association at B', async () => {
    const found = await association(b)
    return found?.syncStatus === 'in-sync' ? found : undefined
  })
  assert.is(nonPrimary.associationType, 'non-primary')
  await until('A in-sync', async () => (await association(a))?.syncStatus === 'in-sync')
  const listed = await b.manager.listSubclouds(false)
  assert.equal(listed, [], 'secondary copies are hidden without --all')
})

test('GeoLink - member rules: lifecycle blocked locally, the non-primary site cannot edit', async (ctx) => {
  const { a, b } = sites(ctx)
  await rejects(() => a.manager.unmanageSubcloud('sc1', false), /peer group/)
  await rejects(() => a.manager.deleteSubcloud('sc1'), /peer group/)
  await rejects(() => b.manager.updateSubcloud({ subcloud: 'sc1', description: 'x' }), /primary site/)
  await rejects(() => b.geo.service.groups.update('pg1', { maxSubcloudRehoming: 5 }), /led by site-a/)
  await rejects(() => a.geo.service.groups.delete('pg1'), /association/)
  await rejects(() => a.geo.service.peers.delete('site-b'), /association/)
  const nonPrimary = String((await association(b))?.id)
  await rejects(() => b.geo.service.associations.sync(nonPrimary), /primary association/)
})

test('GeoLink - a member change reaches the copy and the association returns to in-sync', async (ctx) => {
  const { a, b } = sites(ctx)
  const stream = `DC-${a.geo.siteId}`
  const published = ctx.nats.streamMessages(stream).length
  await a.manager.updateSubcloud({ subcloud: 'sc1', description: 'moved to rack 7' })
  assert.is(ctx.nats.streamMessages(stream).length, published + 1, 'one event per change, no manual sync')
  await until('the change at B', async () => (await b.store.find('sc1'))?.description === 'moved to rack 7')
  await until('A in-sync again', async () => (await association(a))?.syncStatus === 'in-sync')
})

test('GeoLink - a full resync is published anew but rewrites no copy already in sync', async (ctx) => {
  const { a, b } = sites(ctx)
  const before = await b.store.find('sc1')
  const stream = `DC-${a.geo.siteId}`
  const published = ctx.nats.streamMessages(stream).length
  await a.geo.service.associations.sync(String((await association(a))?.id))
  assert.ok(ctx.nats.streamMessages(stream).length >= published + 3, 'group, members and snapshot end')
  await until('A in-sync after the resync', async () => (await association(a))?.syncStatus === 'in-sync')
  const after = await b.store.find('sc1')
  assert.equal(after?.updatedAt, before?.updatedAt)
})

test('GeoLink - a member the peer cannot apply fails the association, naming it, until it leaves', async (ctx) => {
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
    return found?.syncStatus === 'failed' ? found : undefined
  })
  assert.match(failed.syncMessage, /sc2: subcloud name sc2 is taken/)
  await a.manager.updateSubcloud({ subcloud: 'sc2', peer_group: 'none' })
  await until('A in-sync after sc2 left', async () => (await association(a))?.syncStatus === 'in-sync')
})

test('GeoLink - heartbeat failure raises 280.004; the rehome policy migrates after the maintenance timeout', async (ctx) => {
  const { a, b } = sites(ctx)
  await until(
    'B sees A available',
    async () => (await b.geo.service.peers.get('site-a')).availability === 'available',
  )
  await a.geo.close()
  await until(
    'B declares A unavailable',
    async () => (await b.geo.service.peers.get('site-a')).availability === 'unavailable',
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
  const [watched] = await new KyselyAuditStore(b.db).loadAuditTargets(new AbortController().signal, [
    migrated.id,
  ])
  assert.is(
    watched?.agentSystemUuid,
    `system-at-${migrated.bootstrapAddress}`,
    'the agent taken over is checked',
  )
  const group = await b.geo.service.groups.get('pg1')
  assert.is(group.leaderId, b.geo.siteId)
  await until(
    'migration complete',
    async () => (await b.geo.service.groups.get('pg1')).migrationStatus === 'complete',
  )
  await until('280.005 at B', async () =>
    (await alarms(b)).some((x) => x.startsWith('280.005 peer_group=pg1')),
  )
  const status = await b.geo.service.groups.status('pg1')
  assert.is(status.managed, 1)
})

test('GeoLink - a restarted site reconciles ownership, demotes its member and is fenced out', async (ctx) => {
  const { a, b } = sites(ctx)
  const restarted = await startGeo({
    config: {
      nats: undefined,
      siteId: undefined,
      heartbeatIntervalMs: HEARTBEAT_MS,
      maintenanceTimeoutMs: 300,
    },
    stores: kyselyGeoStores(a.db, a.store),
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
  assert.is((await a.geo.service.groups.get('pg1')).leaderId, b.geo.siteId)
  await until('280.005 at A', async () =>
    (await alarms(a)).some((x) => x.startsWith('280.005 peer_group=pg1')),
  )
  const stale = ctx.agents.claim(demoted.bootstrapAddress, 2n, a.own.uuid)
  assert.instance(stale, Error, "the agent refuses A's stale epoch")
  await until('280.004 cleared at B', async () => !(await alarms(b)).some((x) => x.startsWith('280.004')))
  await until('B in-sync with A', async () => (await association(b))?.syncStatus === 'in-sync')
  await rejects(() => a.manager.manageSubcloud('sc1', true), /peer group/)
})

test('GeoLink - failback is an explicit migrate on the preferred site; 280.005 clears on both', async (ctx) => {
  const { a, b } = sites(ctx)
  const group = await a.geo.service.groups.migrate('pg1')
  assert.is(group.leaderId, a.geo.siteId)
  assert.is(group.migrationStatus, 'migrating')
  const back = await until('sc1 managed at A again', async () => {
    const found = await a.store.find('sc1')
    return found?.managementState === 'managed' ? found : undefined
  })
  assert.is(back.epoch, 4)
  assert.is(ctx.agents.agents.get(back.bootstrapAddress)?.controllerId, a.own.uuid)
  await until('sc1 secondary at B', async () => (await b.store.find('sc1'))?.deployStatus === 'secondary')
  await until('280.005 cleared at A', async () => !(await alarms(a)).some((x) => x.startsWith('280.005')))
  await until('280.005 cleared at B', async () => !(await alarms(b)).some((x) => x.startsWith('280.005')))
  await rejects(() => a.geo.service.groups.migrate('pg1'), /already led by this site/)
})

test('GeoLink - cut off from the bucket majority, the leader demotes its members and cannot take them back', async (ctx) => {
  const { a } = sites(ctx)
  await until('sc1 managed at A', async () => (await a.store.find('sc1'))?.managementState === 'managed')
  ctx.nats.minority.add('site-a')
  const fenced = await until('sc1 demoted at A', async () => {
    const found = await a.store.find('sc1')
    return found?.deployStatus === 'secondary' ? found : undefined
  })
  assert.is(fenced.managementState, 'unmanaged')
  assert.is((await a.geo.service.groups.get('pg1')).leaderId, a.geo.siteId, 'nobody else took it')
  const refused = await rejects(() => a.geo.service.groups.migrate('pg1'), /pg1 cannot be written/)
  assert.instance(refused, PeerLinkUnavailableError)
  assert.is((await a.store.find('sc1'))?.deployStatus, 'secondary', 'the refused migrate changed nothing')
  ctx.nats.minority.delete('site-a')
  await until('A confirms its ownership again', () =>
    Promise.resolve(ctx.logs.some((l) => /pg1: ownership confirmed again/.test(l))),
  )
  await a.geo.service.groups.migrate('pg1')
  const back = await until('sc1 managed at A again', async () => {
    const found = await a.store.find('sc1')
    return found?.managementState === 'managed' ? found : undefined
  })
  assert.is(back.epoch, 4, 'the same epoch: nobody else held it meanwhile')
})

test('GeoLink - deleting the association removes the group and its copies on the peer', async (ctx) => {
  const { a, b } = sites(ctx)
  await until('A in-sync before the delete', async () => (await association(a))?.syncStatus === 'in-sync')
  const id = String((await association(a))?.id)
  await a.geo.service.associations.delete(id)
  await until('the copy gone at B', async () => (await b.store.find('sc1')) === undefined)
  await until('the group gone at B', async () => (await b.geo.service.groups.list()).length === 0)
  assert.equal(await b.geo.service.associations.list(), [])
  assert.is((await a.store.find('sc1'))?.managementState, 'managed', 'the owner keeps its member')
})

test.run()
