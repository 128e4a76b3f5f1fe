import { silentLogger } from '@dc/runtime'
import { rejectionOf } from '@dc/test-support'
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
import type { NewSystemPeer } from '../src/geo/system-peer-service.js'
import { newSystemPeerInput, systemPeerMessage } from '../src/grpc/geo-messages.js'
import { OwnSystem, parseOwnBootstrapValues } from '../src/own-system.js'
import { kyselyGeoStores } from '../src/adapters/kysely/kysely-geo-stores.js'
import { KyselySubcloudStore } from '../src/adapters/kysely/kysely-subcloud-store.js'
import { KyselySystemStore } from '../src/adapters/kysely/kysely-system-store.js'
import type { SubcloudFields } from '../src/subclouds/subcloud.js'
import { FakeAgents } from './geo-fakes.js'
import { controllerYaml } from './site-values.js'
import { insertSubcloud, subcloudFields } from './subcloud-fixtures.js'
import { openedDb, useTempDatabase } from './temp-database.js'
import type { DatabaseCtx } from './temp-database.js'

interface Ctx extends DatabaseCtx {
  store: KyselySubcloudStore | undefined
  service: GeoService | undefined
  siteId: string
  agents: FakeAgents
}

const test = suite<Ctx>('GeoService', {
  db: undefined,
  store: undefined,
  service: undefined,
  siteId: '',
  agents: new FakeAgents(),
})

useTempDatabase(test, 'geo-service-')

test.before(async (ctx) => {
  const db = openedDb(ctx)
  ctx.store = new KyselySubcloudStore(db)
  const own = await OwnSystem.open(new KyselySystemStore(db), parseOwnBootstrapValues(controllerYaml()))
  ctx.siteId = own.uuid
  ctx.service = new GeoService({
    ...kyselyGeoStores(db, ctx.store),
    siteId: own.uuid,
    siteName: 'central',
    controllerId: own.uuid,
    controllerEpoch: own.epoch,
    link: undefined,
    channels: ctx.agents.channels(),
    log: silentLogger,
  })
})

function svc(ctx: Ctx): { service: GeoService; store: KyselySubcloudStore } {
  if (ctx.service === undefined || ctx.store === undefined) throw new Error('not started')
  return { service: ctx.service, store: ctx.store }
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

const PEER: NewSystemPeer = {
  peerUuid: 'peer-uuid-1',
  peerName: 'east',
  managerEndpoint: 'nats',
  managerUsername: 'admin',
  peerControllerGatewayIp: 'fd01:2::1',
}

test('GeoService - system peers: defaults, unique name and uuid, never itself, the password never comes back', async (ctx) => {
  const { service } = svc(ctx)
  const peer = systemPeerMessage(
    await service.peers.add(
      newSystemPeerInput({
        peer_uuid: 'peer-uuid-1',
        peer_name: 'east',
        manager_endpoint: 'nats',
        manager_username: 'admin',
        manager_password: 'pw-never-returned',
        peer_controller_gateway_ip: 'fd01:2::1',
      }),
    ),
  )
  assert.is(peer.availability_state, 'created')
  assert.equal(
    [
      peer.heartbeat_interval,
      peer.heartbeat_failure_threshold,
      peer.heartbeat_failure_policy,
      peer.heartbeat_maintenance_timeout,
      peer.administrative_state,
    ],
    [60, 3, 'alarm', 600, 'enabled'],
    "StarlingX's defaults",
  )
  assert.not.match(JSON.stringify(peer), /pw-never-returned/)
  await rejectionOf(service.peers.add({ ...PEER, peerName: 'other' }), GeoObjectExistsError)
  await rejectionOf(service.peers.add({ ...PEER, peerUuid: 'peer-uuid-2' }), GeoObjectExistsError)
  assert.is(
    (
      await rejectionOf(
        service.peers.add({ ...PEER, peerUuid: ctx.siteId, peerName: 'me' }),
        InvalidFieldError,
      )
    ).field,
    'peer_uuid',
  )
  assert.is((await service.peers.get('peer-uuid-1')).peerName, 'east', 'found by uuid')
  assert.is(
    (await service.peers.update('east', { heartbeatFailurePolicy: 'rehome' })).heartbeatFailurePolicy,
    'rehome',
  )
  await rejectionOf(service.peers.update('east', {}), InvalidFieldError)
  await rejectionOf(service.peers.get('west'), GeoObjectNotFoundError)
})

test('GeoService - peer groups: local leader, priority rules, status counts', async (ctx) => {
  const { service } = svc(ctx)
  const group = await service.groups.add({ name: 'pg1' })
  assert.equal(
    [group.priority, group.state, group.maxSubcloudRehoming],
    [0, 'enabled', 10],
    "StarlingX's defaults",
  )
  assert.is(group.leaderName, 'central')
  assert.is(group.migrationStatus, 'none')
  await rejectionOf(service.groups.add({ name: 'pg1' }), GeoObjectExistsError)
  const changed = await service.groups.update('pg1', { maxSubcloudRehoming: 20 })
  assert.is(changed.maxSubcloudRehoming, 20)
  const status = await service.groups.status('pg1')
  assert.is(status.total, 0)
})

test('GeoService - associations: priority required on the primary site; unknown without NATS; sync and migrate need the link', async (ctx) => {
  const { service } = svc(ctx)
  const associations = service.associations
  await rejectionOf(associations.add({ peerGroup: 'pg1', systemPeer: 'east' }), InvalidFieldError)
  const association = await associations.add({ peerGroup: 'pg1', systemPeer: 'east', peerGroupPriority: 2 })
  assert.is(association.associationType, 'primary')
  assert.is(association.syncStatus, 'unknown')
  assert.match(association.syncMessage, /--nats-url/)
  await rejectionOf(
    associations.add({ peerGroup: 'pg1', systemPeer: 'east', peerGroupPriority: 3 }),
    GeoObjectExistsError,
  )
  assert.match(
    (await rejectionOf(associations.sync(String(association.id)), GeoRuleError)).message,
    /--nats-url/,
  )
  assert.match((await rejectionOf(service.groups.migrate('pg1'), GeoRuleError)).message, /--nats-url/)
  assert.is((await associations.update(String(association.id), 5)).peerGroupPriority, 5)
  await rejectionOf(service.groups.update('pg1', { priority: 1 }), GeoRuleError)
  await rejectionOf(service.peers.delete('east'), GeoRuleError)
  await rejectionOf(service.groups.delete('pg1'), GeoRuleError)
  await rejectionOf(associations.get('99'), GeoObjectNotFoundError)
})

test('GeoService - a non-primary group forbids the association priority', async (ctx) => {
  const { service } = svc(ctx)
  const associations = service.associations
  await service.groups.add({ name: 'pg2', priority: 4 })
  await rejectionOf(
    associations.add({ peerGroup: 'pg2', systemPeer: 'east', peerGroupPriority: 1 }),
    InvalidFieldError,
  )
  const association = await associations.add({ peerGroup: 'pg2', systemPeer: 'east' })
  assert.is(association.associationType, 'non-primary')
  await rejectionOf(associations.update(String(association.id), 1), GeoRuleError)
  await rejectionOf(associations.sync(String(association.id)), GeoRuleError)
  assert.is((await associations.delete(String(association.id))).id, association.id)
})

test('GeoService - joining needs complete, managed, online and an agent that accepts the group epoch', async (ctx) => {
  const { service, store } = svc(ctx)
  const offline = await insertSubcloud(store, subcloudRow(1, { availability: 'offline' }))
  assert.match(
    (await rejectionOf(service.setMembership(offline, 'pg1'), SubcloudStateError)).message,
    /complete, managed and online/,
  )
  const ready = await insertSubcloud(store, subcloudRow(2))
  assert.match(
    (await rejectionOf(service.setMembership(ready, 'pg1'), SubcloudStateError)).message,
    /refused or missed the claim/,
    'no agent answers',
  )
  const agent = ctx.agents.add(ready.bootstrapAddress)
  agent.epoch = 9n
  agent.controllerId = 'another-controller'
  assert.match(
    (await rejectionOf(service.setMembership(ready, 'pg1'), SubcloudStateError)).message,
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
  assert.is((await service.groups.status('pg1')).managed, 1)
  assert.match(service.lifecycleRefusal(joined, 'deleted')?.message ?? '', /remove it from the group first/)
  await rejectionOf(service.groups.delete('pg1'), GeoRuleError)
  const left = await service.setMembership(joined, 'none')
  assert.is(left.peerGroupId, null)
})

test.run()
