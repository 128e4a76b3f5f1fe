import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { silentLogger } from '@dc/runtime'
import type { Kysely } from 'kysely'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import {
  GeoObjectExistsError,
  GeoObjectNotFoundError,
  GeoRuleError,
  InvalidFieldError,
  SubcloudStateError,
} from '../src/errors.js'
import { GeoService } from '../src/geo/geo-service.js'
import { OwnSystem, parseOwnBootstrapValues } from '../src/own-system.js'
import { GeoStore } from '../src/adapters/kysely/geo-store.js'
import { KyselySubcloudStore } from '../src/adapters/kysely/kysely-subcloud-store.js'
import { KyselySystemStore } from '../src/adapters/kysely/kysely-system-store.js'
import { openDatabase } from '../src/adapters/kysely/open-database.js'
import type { Database } from '../src/adapters/kysely/schema.js'
import type { SubcloudFields } from '../src/subclouds/subcloud.js'
import { FakeAgents } from './geo-fakes.js'
import { controllerYaml } from './site-values.js'
import { insertSubcloud, subcloudFields } from './subcloud-fixtures.js'

interface Ctx {
  dir: string
  db: Kysely<Database> | undefined
  store: KyselySubcloudStore | undefined
  service: GeoService | undefined
  agents: FakeAgents
}

const test = suite<Ctx>('GeoService', {
  dir: '',
  db: undefined,
  store: undefined,
  service: undefined,
  agents: new FakeAgents(),
})

test.before(async (ctx) => {
  ctx.dir = await mkdtemp(join(tmpdir(), 'geo-service-'))
  ctx.db = (await openDatabase({ dataDir: ctx.dir })).db
  ctx.store = new KyselySubcloudStore(ctx.db)
  const own = await OwnSystem.open(new KyselySystemStore(ctx.db), parseOwnBootstrapValues(controllerYaml()))
  ctx.service = new GeoService({
    subclouds: ctx.store,
    geo: new GeoStore(ctx.db),
    siteId: own.uuid,
    siteName: 'central',
    controllerId: own.uuid,
    controllerEpoch: own.epoch,
    link: undefined,
    channels: ctx.agents.channels(),
    log: silentLogger,
  })
})

test.after(async (ctx) => {
  await ctx.db?.destroy()
  await rm(ctx.dir, { recursive: true, force: true })
})

function svc(ctx: Ctx): { service: GeoService; store: KyselySubcloudStore } {
  if (ctx.service === undefined || ctx.store === undefined) throw new Error('not started')
  return { service: ctx.service, store: ctx.store }
}

async function refused<E extends Error>(
  promise: Promise<unknown>,
  type: abstract new (...args: never[]) => E,
): Promise<E> {
  try {
    await promise
  } catch (err) {
    assert.instance(err, type)
    return err as E
  }
  throw new Error(`expected ${type.name}`)
}

function subcloudRow(n: number, extra: Partial<SubcloudFields> = {}): SubcloudFields {
  return subcloudFields(`sc${n}`, n, {
    regionName: `region${n}`,
    managementSubnet: `fd01:1${n}::/64`,
    managementStartIp: `fd01:1${n}::2`,
    managementEndIp: `fd01:1${n}::50`,
    managementGatewayIp: `fd01:1${n}::1`,
    deployStatus: 'complete',
    availability: 'online',
    managementState: 'managed',
    bootstrapAddress: `[fd00:1${n}::2]:50051`,
    storedValuesJson: JSON.stringify({ name: `sc${n}` }),
    ...extra,
  })
}

const PEER = {
  peer_uuid: 'peer-uuid-1',
  peer_name: 'east',
  manager_endpoint: 'nats',
  manager_username: 'admin',
  manager_password: 'pw-never-returned',
  peer_controller_gateway_ip: 'fd01:2::1',
}

test('GeoService - system peers: defaults, unique name and uuid, the password never comes back', async (ctx) => {
  const { service } = svc(ctx)
  const peer = await service.addPeer(PEER)
  assert.is(peer.availability_state, 'created')
  assert.is(peer.heartbeat_interval, 60)
  assert.not.match(JSON.stringify(peer), /pw-never-returned/)
  await refused(service.addPeer({ ...PEER, peer_name: 'other' }), GeoObjectExistsError)
  await refused(service.addPeer({ ...PEER, peer_uuid: 'peer-uuid-2' }), GeoObjectExistsError)
  assert.is((await service.getPeer('peer-uuid-1')).peer_name, 'east', 'found by uuid')
  assert.is(
    (await service.updatePeer({ system_peer: 'east', heartbeat_failure_policy: 'rehome' }))
      .heartbeat_failure_policy,
    'rehome',
  )
  await refused(service.updatePeer({ system_peer: 'east' }), InvalidFieldError)
  await refused(service.getPeer('west'), GeoObjectNotFoundError)
})

test('GeoService - peer groups: local leader, priority rules, status counts', async (ctx) => {
  const { service } = svc(ctx)
  const group = await service.addGroup({ peer_group_name: 'pg1' })
  assert.is(group.group_priority, 0)
  assert.is(group.system_leader_name, 'central')
  assert.is(group.migration_status, 'none')
  await refused(service.addGroup({ peer_group_name: 'pg1' }), GeoObjectExistsError)
  const renamed = await service.updateGroup({ peer_group: 'pg1', max_subcloud_rehoming: 20 })
  assert.is(renamed.max_subcloud_rehoming, 20)
  const status = await service.groupStatus('pg1')
  assert.is(status.total_subclouds, 0)
})

test('GeoService - associations: priority required on the primary site; unknown without NATS; sync and migrate need the link', async (ctx) => {
  const { service } = svc(ctx)
  await refused(service.addAssociation({ peer_group: 'pg1', system_peer: 'east' }), InvalidFieldError)
  const association = await service.addAssociation({
    peer_group: 'pg1',
    system_peer: 'east',
    peer_group_priority: 2,
  })
  assert.is(association.association_type, 'primary')
  assert.is(association.sync_status, 'unknown')
  assert.match(association.sync_message ?? '', /--nats-url/)
  await refused(
    service.addAssociation({ peer_group: 'pg1', system_peer: 'east', peer_group_priority: 3 }),
    GeoObjectExistsError,
  )
  assert.match(
    (await refused(service.syncAssociation(String(association.id)), GeoRuleError)).message,
    /--nats-url/,
  )
  assert.match((await refused(service.migrate('pg1'), GeoRuleError)).message, /--nats-url/)
  assert.is(
    (await service.updateAssociation({ association: String(association.id), peer_group_priority: 5 }))
      .peer_group_priority,
    5,
  )
  await refused(service.updateGroup({ peer_group: 'pg1', group_priority: 1 }), GeoRuleError)
  await refused(service.deletePeer('east'), GeoRuleError)
  await refused(service.deleteGroup('pg1'), GeoRuleError)
  await refused(service.getAssociation('99'), GeoObjectNotFoundError)
})

test('GeoService - a non-primary group forbids the association priority', async (ctx) => {
  const { service } = svc(ctx)
  await service.addGroup({ peer_group_name: 'pg2', group_priority: 4 })
  await refused(
    service.addAssociation({ peer_group: 'pg2', system_peer: 'east', peer_group_priority: 1 }),
    InvalidFieldError,
  )
  const association = await service.addAssociation({ peer_group: 'pg2', system_peer: 'east' })
  assert.is(association.association_type, 'non-primary')
  await refused(
    service.updateAssociation({ association: String(association.id), peer_group_priority: 1 }),
    GeoRuleError,
  )
  await refused(service.syncAssociation(String(association.id)), GeoRuleError)
  assert.is((await service.deleteAssociation(String(association.id))).id, association.id)
})

test('GeoService - joining needs complete, managed, online and an agent that accepts the group epoch', async (ctx) => {
  const { service, store } = svc(ctx)
  const offline = await insertSubcloud(store, subcloudRow(1, { availability: 'offline' }))
  assert.match(
    (await refused(service.setMembership(offline, 'pg1'), SubcloudStateError)).message,
    /complete, managed and online/,
  )
  const ready = await insertSubcloud(store, subcloudRow(2))
  assert.match(
    (await refused(service.setMembership(ready, 'pg1'), SubcloudStateError)).message,
    /refused or missed the claim/,
    'no agent answers',
  )
  const agent = ctx.agents.add(ready.bootstrapAddress)
  agent.epoch = 9n
  agent.controllerId = 'another-controller'
  assert.match(
    (await refused(service.setMembership(ready, 'pg1'), SubcloudStateError)).message,
    /epoch 2/,
    'an agent held at a higher epoch refuses',
  )
  agent.epoch = 1n
  const joined = await service.setMembership(ready, 'pg1')
  assert.is(joined.peerGroupName, 'pg1')
  assert.is(joined.epoch, 2)
  assert.match(
    joined.rehomeData ?? '',
    /"bootstrap-address":"\[fd00:12::2\]:50051"/,
    'rehome data saved from the add-time values',
  )
  assert.is(agent.epoch, 2n)
  assert.is((await service.groupStatus('pg1')).managed, 1)
  assert.match(service.lifecycleRefusal(joined, 'deleted')?.message ?? '', /remove it from the group first/)
  await refused(service.deleteGroup('pg1'), GeoRuleError)
  const left = await service.setMembership(joined, 'none')
  assert.is(left.peerGroupId, null)
})

test.run()
