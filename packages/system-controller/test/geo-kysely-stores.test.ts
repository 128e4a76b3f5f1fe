import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { geoCensus } from '../src/adapters/geo-census.js'
import { kyselyGeoStores } from '../src/adapters/kysely/kysely-geo-stores.js'
import { KyselySubcloudStore } from '../src/adapters/kysely/kysely-subcloud-store.js'
import type { GeoStores } from '../src/geo/geo-link.js'
import type { SubcloudPeerGroupFields } from '../src/geo/subcloud-peer-group.js'
import type { SystemPeerFields } from '../src/geo/system-peer.js'
import { keep, refuse, remove, update } from '../src/ports/mutation.js'
import type { InsertResult } from '../src/ports/mutation.js'
import type { NewCopy } from '../src/ports/secondary-copy-store.js'
import { insertSubcloud, subcloudFields } from './subcloud-fixtures.js'
import { openedDb, useTempDatabase } from './temp-database.js'
import type { DatabaseCtx } from './temp-database.js'

type Ctx = DatabaseCtx

const test = suite<Ctx>('kysely geo stores', { db: undefined })

useTempDatabase(test, 'geo-stores-')

function stores(ctx: Ctx): GeoStores {
  const db = openedDb(ctx)
  return kyselyGeoStores(db, new KyselySubcloudStore(db))
}

function created<T>(result: InsertResult<T>): T {
  if (result.kind !== 'created') throw new Error('not created: taken')
  return result.row
}

const PEER: SystemPeerFields = {
  peerUuid: 'site-b',
  peerName: 'east',
  managerEndpoint: 'nats',
  managerUsername: 'admin',
  peerControllerGatewayIp: 'fd01:2::1',
  administrativeState: 'enabled',
  heartbeatIntervalMs: 60_000,
  heartbeatFailureThreshold: 3,
  heartbeatFailurePolicy: 'alarm',
  heartbeatMaintenanceTimeoutMs: 600_000,
}

const GROUP: SubcloudPeerGroupFields = {
  uuid: 'group-uuid-1',
  name: 'pg1',
  priority: 0,
  state: 'enabled',
  maxSubcloudRehoming: 10,
  leaderId: 'site-a',
  leaderName: 'west',
  migrationStatus: 'none',
  epoch: 2 ** 40,
}

function copy(n: number, name = `copy${n}`): NewCopy {
  const {
    groupId: _g,
    peerGroupId: _p,
    epoch: _e,
    rehomeData: _r,
    ...fields
  } = subcloudFields(name, 70 + n, {
    deployStatus: 'secondary',
  })
  return { ...fields, rehomeData: `{"saved_payload":{"n":${n}}}` }
}

test('kysely geo stores - peers: seconds stored, milliseconds read; found by name, uuid or id', async (ctx) => {
  const { peers } = stores(ctx)
  const peer = created(await peers.insert(PEER))
  assert.is(peer.availability, 'created')
  assert.is(peer.heartbeatIntervalMs, 60_000)
  const row = await openedDb(ctx)
    .selectFrom('system_peers')
    .select('heartbeat_interval')
    .executeTakeFirstOrThrow()
  assert.is(row?.heartbeat_interval, 60, 'the API unit in the table')
  for (const ref of ['east', 'site-b', String(peer.id)]) assert.is((await peers.find(ref))?.id, peer.id, ref)
  assert.is((await peers.insert({ ...PEER, peerName: 'other' })).kind, 'taken', 'uuid unique')
  await peers.setAvailability(peer.id, 'unavailable')
  assert.is((await peers.find('east'))?.availability, 'unavailable')
})

test('kysely geo stores - groups: 64-bit epoch as a number; by uuid only through findByUuid; counts under the lock', async (ctx) => {
  const { groups, associations, peers } = stores(ctx)
  const group = created(await groups.insert(GROUP))
  assert.is(group.epoch, 2 ** 40)
  assert.is((await groups.findByUuid('group-uuid-1'))?.id, group.id)
  assert.is(await groups.findByUuid('pg1'), undefined, 'a name is not a uuid')
  const peer = await peers.find('east')
  if (peer === undefined) throw new Error('no peer')
  created(
    await associations.insert({
      peerGroupId: group.id,
      systemPeerId: peer.id,
      associationType: 'primary',
      peerGroupPriority: 2,
      syncStatus: 'syncing',
      syncMessage: '',
    }),
  )
  const seen = await groups.mutate('pg1', (_g, counts) => {
    assert.equal(counts, { members: 0, associations: 1 })
    return refuse(new Error('kept'))
  })
  assert.is(seen.kind, 'refused')
  const set = await groups.set(group.id, { epoch: 2 ** 40 + 1, leaderId: 'site-b' })
  assert.equal([set?.epoch, set?.leaderId], [2 ** 40 + 1, 'site-b'])
  assert.is((await peers.mutate('east', (_p, n) => (n > 0 ? keep : remove))).kind, 'kept')
})

test('kysely geo stores - associations: sequence numbers and failures round-trip; the census reads them', async (ctx) => {
  const s = stores(ctx)
  const [association] = await s.associations.list()
  if (association === undefined) throw new Error('no association')
  const failures = [{ subcloud: 'sc2', regionName: 'r2', error: 'name taken' }]
  const changed = await s.associations.mutate(association.id, () =>
    update({ publishedSeq: 2 ** 40, ackedSeq: 7, failures }),
  )
  assert.is(changed.kind, 'updated')
  const found = await s.associations.find(String(association.id))
  assert.equal([found?.publishedSeq, found?.ackedSeq, found?.failures], [2 ** 40, 7, failures])
  assert.is(await s.associations.find('abc'), undefined, 'only a decimal id')
  assert.equal(await geoCensus(s), {
    peers: [{ peer: 'east', availability: 'unavailable', publishedSeq: 2 ** 40, ackedSeq: 7 }],
    associations: [{ peer: 'east', peerGroup: 'pg1', syncStatus: 'syncing' }],
  })
})

test('kysely geo stores - copies: applied and refreshed, clashes reported, removal and demotion touch only their own', async (ctx) => {
  const s = stores(ctx)
  const group = await s.groups.find('pg1')
  if (group === undefined) throw new Error('no group')
  const owned = await insertSubcloud(new KyselySubcloudStore(openedDb(ctx)), {
    ...subcloudFields('mine', 90, { deployStatus: 'complete', managementState: 'managed' }),
    peerGroupId: group.id,
  })
  const first = await s.copies.apply(group.id, 5, [copy(1), copy(2), copy(3, 'mine')], ['platform'])
  assert.equal(first.applied, ['copy1', 'copy2'])
  assert.match(first.failures[0]?.error ?? '', /name mine is taken/)
  const held = await s.copies.held(group.id, [copy(1).regionName])
  const { id: heldId, ...heldCopy } = held.get(copy(1).regionName) ?? { id: 0 }
  assert.is(heldId, (await s.subclouds.find('copy1'))?.id)
  assert.equal(heldCopy, {
    name: 'copy1',
    description: '',
    location: '',
    softwareVersion: '24.09',
    epoch: 5,
    rehomeData: '{"saved_payload":{"n":1}}',
    managementSubnet: copy(1).managementSubnet,
    managementStartIp: copy(1).managementStartIp,
    managementEndIp: copy(1).managementEndIp,
  })
  const again = await s.copies.apply(group.id, 5, [{ ...copy(1), description: 'moved' }], ['platform'])
  assert.equal(again.applied, ['copy1'])
  assert.is((await s.subclouds.find('copy1'))?.description, 'moved')
  assert.equal(await s.copies.remove(group.id, { except: [copy(1).regionName] }), ['copy2'])
  assert.equal(await s.copies.remove(group.id, { regions: [owned.regionName] }), [], 'an owned member stays')
  assert.equal(await s.copies.demoteMembers(group.id), ['mine'])
  const demoted = await s.subclouds.find('mine')
  assert.equal(
    [demoted?.deployStatus, demoted?.managementState, demoted?.availability],
    ['secondary', 'unmanaged', 'offline'],
  )
  assert.equal(await s.copies.demoteMembers(group.id), [], 'copies are not demoted again')
})

test.run()
