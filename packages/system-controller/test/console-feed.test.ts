import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import type { DescribeResponse__Output } from '@dc/protos'
import { waitFor } from '@dc/test-support'
import { KyselyAlarmStore } from '../src/adapters/kysely/kysely-alarm-store.js'
import { kyselyGeoStores } from '../src/adapters/kysely/kysely-geo-stores.js'
import { KyselyStrategyStore } from '../src/adapters/kysely/kysely-strategy-store.js'
import { KyselySubcloudStore } from '../src/adapters/kysely/kysely-subcloud-store.js'
import { KyselyAuditStore } from '../src/adapters/kysely/kysely-audit-store.js'
import { KyselySubcloudGroupStore } from '../src/adapters/kysely/kysely-subcloud-group-store.js'
import { ConsoleFeed } from '../src/console/console-feed.js'
import type { ConsoleSources } from '../src/console/console-feed.js'
import { remove } from '../src/ports/mutation.js'
import type { ConsoleDelta } from '@dc/console'
import { NetworkSurvey } from '../src/console/network-survey.js'
import { insertSubcloud, simulateSubcloudState, subcloudFields } from './subcloud-fixtures.js'
import { openedDb, useTempDatabase } from './temp-database.js'
import type { DatabaseCtx } from './temp-database.js'

const test = suite<DatabaseCtx>('ConsoleFeed', { db: undefined })
useTempDatabase(test, 'dc-console-feed-')

// Each case starts with no subcloud.
test.before.each(async (c) => {
  const db = openedDb(c)
  await db.deleteFrom('subcloud_status').execute()
  await db.deleteFrom('subclouds').execute()
})

const IPV6_VALUES = JSON.stringify({
  external_oam_subnet: 'fd00:11::/64',
  cluster_host_subnet: 'fd02:11::/64',
  cluster_pod_subnet: 'fd03:11::/64',
  cluster_service_subnet: 'fd04:11::/112',
})

/** What an agent of a dual-stack IPv6-primary site describes: each plan network with two pools. */
function dualStackSite(): DescribeResponse__Output {
  const types = ['oam', 'cluster-host', 'cluster-pod', 'cluster-service']
  return {
    system: { kubernetes_dual_stack: true },
    networks: types.map((type) => ({ uuid: type, type, name: type, pool_uuid: `${type}-6` })),
    address_pools: types.flatMap((type) => [
      { uuid: `${type}-6`, family: 'IPv6' },
      { uuid: `${type}-4`, family: 'IPv4' },
    ]),
    network_addrpools: types.flatMap((type) => [
      { network_uuid: type, address_pool_uuid: `${type}-6` },
      { network_uuid: type, address_pool_uuid: `${type}-4` },
    ]),
  } as unknown as DescribeResponse__Output
}

/** The feed's stores over the test database, its subclouds read through `subclouds`. */
function sourcesOf(
  db: ReturnType<typeof openedDb>,
  subclouds: KyselySubcloudStore,
  read: ConsoleSources['subclouds'] = subclouds,
): ConsoleSources {
  const geo = kyselyGeoStores(db, subclouds)
  return {
    subclouds: read,
    subcloudGroups: new KyselySubcloudGroupStore(db),
    alarms: new KyselyAlarmStore(db),
    strategy: new KyselyStrategyStore(db),
    peers: geo.peers,
    peerGroups: geo.groups,
    associations: geo.associations,
  }
}

/** A survey answering every site as dual-stack IPv6-primary, recording whom it asked. */
function dualStackSurvey(late: { feed?: ConsoleFeed }, described: string[] = []): NetworkSurvey {
  return new NetworkSurvey({
    describe: (target) => {
      described.push(target.name)
      return Promise.resolve(dualStackSite())
    },
    concurrency: 2,
    signal: new AbortController().signal,
    onChange: (name, mode) => late.feed?.modeChanged(name, mode),
  })
}

// Long intervals: the tests read by refresh() alone.
const BY_HAND = { intervalMs: 3_600_000, idleIntervalMs: 3_600_000 }

test('a snapshot, then one delta per change: rows, summary and the mode the agent describes', async (c) => {
  const db = openedDb(c)
  const subclouds = new KyselySubcloudStore(db)
  await insertSubcloud(subclouds, subcloudFields('sc1', 1, { storedValuesJson: IPV6_VALUES }))
  await insertSubcloud(subclouds, subcloudFields('sc2', 2, { storedValuesJson: IPV6_VALUES }))
  const described: string[] = []
  const late: { feed?: ConsoleFeed } = {}
  const feed = (late.feed = new ConsoleFeed(
    sourcesOf(db, subclouds),
    dualStackSurvey(late, described),
    BY_HAND,
  ))
  const deltas: ConsoleDelta[] = []
  const { snapshot, stop } = await feed.subscribe((d) => deltas.push(d))
  try {
    assert.equal(
      snapshot.subclouds.map((r) => [r.name, r.availability, r.networkMode]),
      [
        ['sc1', 'offline', 'ipv6'],
        ['sc2', 'offline', 'ipv6'],
      ],
    )
    assert.equal(snapshot.summary.availability, { offline: 2 })
    assert.equal(snapshot.summary.networkMode, { ipv6: 2 })
    assert.is(snapshot.strategy, null)

    await feed.refresh()
    assert.is(deltas.length, 0, 'nothing changed, nothing told')
    assert.equal(described, [], 'an offline subcloud is not asked')

    await simulateSubcloudState(db, 'sc1', { deployStatus: 'complete', availability: 'online' })
    await feed.refresh()
    const [online] = deltas
    assert.equal(
      online?.subclouds?.changed.map((r) => [r.name, r.availability]),
      [['sc1', 'online']],
    )
    assert.equal(online?.summary?.availability, { online: 1, offline: 1 })
    // The survey asks the online site and the feed tells its mode without another change.
    const moved = await waitFor(
      () => deltas.find((d) => d.subclouds?.changed[0]?.networkMode === 'dual-ipv6-primary'),
      {
        message: 'the described mode told',
      },
    )
    assert.equal(moved.summary?.networkMode, { ipv6: 1, 'dual-ipv6-primary': 1 })
    assert.equal(described, ['sc1'])
    assert.ok(
      deltas.every((d, i) => i === 0 || d.version > (deltas[i - 1]?.version ?? 0)),
      'versions only grow',
    )
  } finally {
    stop()
    feed.stop()
  }
})

test('after the first look only changed subclouds are read; heartbeats are no change; deletes and group renames are seen', async (c) => {
  const db = openedDb(c)
  const store = new KyselySubcloudStore(db)
  for (const n of [21, 22, 23]) await insertSubcloud(store, subcloudFields(`sc${n}`, n))
  const read: string[][] = []
  const subclouds: ConsoleSources['subclouds'] = {
    changes: async (mark) => {
      const changes = await store.changes(mark)
      read.push(changes.subclouds.map((s) => s.name))
      return changes
    },
    ids: () => store.ids(),
  }
  const late: { feed?: ConsoleFeed } = {}
  const feed = (late.feed = new ConsoleFeed(sourcesOf(db, store, subclouds), dualStackSurvey(late), BY_HAND))
  const deltas: ConsoleDelta[] = []
  const { stop } = await feed.subscribe((d) => deltas.push(d))
  try {
    assert.equal(read, [['sc21', 'sc22', 'sc23']], 'the first look reads the fleet')
    const sc22 = (await store.find('sc22'))!
    // The audit's slow path: a heartbeat time and a miss count, nothing the console shows.
    await new KyselyAuditStore(db).writeStatusBatch(
      [
        {
          subcloudId: sc22.id,
          name: 'sc22',
          auditFailCount: 1,
          lastHeartbeatAt: new Date(),
          raiseAlarms: [],
          clearAlarms: [],
        },
      ],
      new AbortController().signal,
    )
    await feed.refresh()
    assert.equal(read[1], [], 'a heartbeat is not a change')
    assert.is(deltas.length, 0)

    await simulateSubcloudState(db, 'sc22', { managementState: 'managed' })
    await feed.refresh()
    assert.equal(read[2], ['sc22'], 'only the changed subcloud is read')
    assert.equal(
      deltas.at(-1)?.subclouds?.changed.map((r) => [r.name, r.management]),
      [['sc22', 'managed']],
    )

    await store.mutate('sc23', () => remove)
    await feed.refresh()
    assert.equal(deltas.at(-1)?.subclouds?.removed, ['sc23'], 'a deleted subcloud is removed')
    assert.equal(deltas.at(-1)?.summary?.total, 2)

    await db.updateTable('subcloud_groups').set({ name: 'edge' }).where('id', '=', 1).execute()
    await feed.refresh()
    assert.equal(
      deltas.at(-1)?.subclouds?.changed.map((r) => [r.name, r.group]),
      [
        ['sc21', 'edge'],
        ['sc22', 'edge'],
      ],
      'a renamed group is shown on its members without reading them',
    )
    assert.equal(read.at(-1), [])
  } finally {
    stop()
    feed.stop()
  }
})

test('no site is asked while no page listens; the first page asks the queued ones', async (c) => {
  const db = openedDb(c)
  const store = new KyselySubcloudStore(db)
  await insertSubcloud(store, subcloudFields('sc9', 9, { storedValuesJson: IPV6_VALUES }))
  await simulateSubcloudState(db, 'sc9', { deployStatus: 'complete', availability: 'online' })
  const described: string[] = []
  const late: { feed?: ConsoleFeed } = {}
  const feed = (late.feed = new ConsoleFeed(sourcesOf(db, store), dualStackSurvey(late, described), BY_HAND))
  try {
    // What the maintenance does while nobody looks, then a request of the JSON API.
    await feed.current()
    await new Promise((resolve) => setTimeout(resolve, 50))
    assert.equal(described, [], 'nobody looks, nobody is asked')
    const deltas: ConsoleDelta[] = []
    const { snapshot, stop } = await feed.subscribe((d) => deltas.push(d))
    try {
      assert.is(snapshot.subclouds[0]?.networkMode, 'ipv6')
      const moved = await waitFor(
        () => deltas.find((d) => d.subclouds?.changed[0]?.networkMode === 'dual-ipv6-primary'),
        {
          message: 'the described mode told',
        },
      )
      assert.equal(described, ['sc9'])
      assert.equal(moved.summary?.networkMode, { 'dual-ipv6-primary': 1 })
    } finally {
      stop()
    }
  } finally {
    feed.stop()
  }
})

test.run()
