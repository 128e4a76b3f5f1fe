import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import type { DescribeResponse__Output } from '@dc/protos'
import { waitFor } from '@dc/test-support'
import { KyselyAlarmStore } from '../src/adapters/kysely/kysely-alarm-store.js'
import { kyselyGeoStores } from '../src/adapters/kysely/kysely-geo-stores.js'
import { KyselyStrategyStore } from '../src/adapters/kysely/kysely-strategy-store.js'
import { KyselySubcloudStore } from '../src/adapters/kysely/kysely-subcloud-store.js'
import { ConsoleFeed } from '../src/console/console-feed.js'
import type { ConsoleDelta } from '@dc/console'
import { NetworkSurvey } from '../src/console/network-survey.js'
import { insertSubcloud, simulateSubcloudState, subcloudFields } from './subcloud-fixtures.js'
import { openedDb, useTempDatabase } from './temp-database.js'
import type { DatabaseCtx } from './temp-database.js'

const test = suite<DatabaseCtx>('ConsoleFeed', { db: undefined })
useTempDatabase(test, 'dc-console-feed-')

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
  read: Pick<KyselySubcloudStore, 'list'> = subclouds,
): ConstructorParameters<typeof ConsoleFeed>[0] {
  const geo = kyselyGeoStores(db, subclouds)
  return {
    subclouds: read,
    alarms: new KyselyAlarmStore(db),
    strategy: new KyselyStrategyStore(db),
    peers: geo.peers,
    peerGroups: geo.groups,
    associations: geo.associations,
  } as ConstructorParameters<typeof ConsoleFeed>[0]
}

test('a snapshot, then one delta per change: rows, summary and the mode the agent describes', async (c) => {
  const db = openedDb(c)
  const subclouds = new KyselySubcloudStore(db)
  await insertSubcloud(subclouds, subcloudFields('sc1', 1, { storedValuesJson: IPV6_VALUES }))
  await insertSubcloud(subclouds, subcloudFields('sc2', 2, { storedValuesJson: IPV6_VALUES }))
  const described: string[] = []
  const late: { feed?: ConsoleFeed } = {}
  const survey = new NetworkSurvey({
    describe: (target) => {
      described.push(target.name)
      return Promise.resolve(dualStackSite())
    },
    concurrency: 2,
    signal: new AbortController().signal,
    onChange: () => late.feed?.changed(),
  })
  // A long interval: the test reads by refresh() alone.
  const feed = new ConsoleFeed(sourcesOf(db, subclouds), survey, 3_600_000)
  late.feed = feed
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
    assert.ok(moved.version > (online?.version ?? 0))
  } finally {
    stop()
    feed.stop()
  }
})

test('with no page listening, a surveyed mode change reads nothing; the next page reads afresh', async (c) => {
  const db = openedDb(c)
  const store = new KyselySubcloudStore(db)
  await insertSubcloud(store, subcloudFields('sc9', 9, { storedValuesJson: IPV6_VALUES }))
  await simulateSubcloudState(db, 'sc9', { deployStatus: 'complete', availability: 'online' })
  let reads = 0
  const subclouds = {
    list: () => {
      reads++
      return store.list()
    },
  }
  const late: { feed?: ConsoleFeed } = {}
  const survey = new NetworkSurvey({
    describe: () => Promise.resolve(dualStackSite()),
    concurrency: 1,
    signal: new AbortController().signal,
    onChange: () => late.feed?.changed(),
  })
  const feed = (late.feed = new ConsoleFeed(sourcesOf(db, store, subclouds), survey, 3_600_000))
  try {
    // A page came and went: its read started the survey of sc9, which ends after it left.
    const first = await feed.subscribe(() => undefined)
    first.stop()
    assert.is(first.snapshot.subclouds.find((r) => r.name === 'sc9')?.networkMode, 'ipv6')
    await waitFor(
      async () => (survey.modeOf((await store.find('sc9'))!) === 'dual-ipv6-primary' ? true : undefined),
      {
        message: 'sc9 surveyed',
      },
    )
    await new Promise((resolve) => setTimeout(resolve, 50))
    assert.is(reads, 1, 'the mode change read nothing for nobody')
    const { snapshot, stop } = await feed.subscribe(() => undefined)
    stop()
    assert.is(reads, 2, 'the next page read afresh, within the interval')
    assert.is(snapshot.subclouds.find((r) => r.name === 'sc9')?.networkMode, 'dual-ipv6-primary')
  } finally {
    feed.stop()
  }
})

test.run()
