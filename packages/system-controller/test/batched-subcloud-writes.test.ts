import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { GroupCommit } from '../src/adapters/kysely/group-commit.js'
import { KyselyAuditStore } from '../src/adapters/kysely/kysely-audit-store.js'
import { KyselySubcloudStore } from '../src/adapters/kysely/kysely-subcloud-store.js'
import { insertSubcloud, subcloudFields } from './subcloud-fixtures.js'
import { openedDb, useTempDatabase } from './temp-database.js'
import type { DatabaseCtx } from './temp-database.js'

const test = suite<DatabaseCtx>('batched subcloud writes', { db: undefined })

useTempDatabase(test, 'dc-batched-')

test('GroupCommit - callers of one turn share a write; a key waits for its earlier item; a refused item fails alone', async () => {
  const writes: string[][] = []
  const commit = new GroupCommit<string, string>({
    write: async (batch) => {
      writes.push([...batch])
      if (batch.length === 1 && batch[0] === 'xbad') throw new Error('refused')
      if (batch.includes('xbad')) throw new Error('batch refused')
      return batch.map((item) => `${item}!`)
    },
    key: (item) => item[0] ?? '',
  })
  const answers = await Promise.allSettled(['a1', 'b1', 'a2', 'xbad'].map((item) => commit.submit(item)))
  assert.equal(
    answers.map((a) => (a.status === 'fulfilled' ? a.value : (a.reason as Error).message)),
    ['a1!', 'b1!', 'a2!', 'refused'],
  )
  // a2 shares a1's key, so it goes in the next write; xbad is retried alone after its batch fails.
  assert.equal(writes, [['a1', 'b1', 'xbad'], ['a1'], ['b1'], ['xbad'], ['a2']])
})

test('KyselySubcloudStore - concurrent adds share a statement, each answered on its own (a taken name too)', async (ctx) => {
  const store = new KyselySubcloudStore(openedDb(ctx))
  await insertSubcloud(store, subcloudFields('held', 1))
  const results = await Promise.all([
    store.insert(subcloudFields('one', 2), ['platform']),
    store.insert(subcloudFields('held', 3), ['platform']),
    store.insert(subcloudFields('two', 4), ['platform', 'dc-cert']),
    store.insert(subcloudFields('one', 5), ['platform']),
  ])
  assert.equal(
    results.map((r) => (r.kind === 'created' ? r.row.name : r.kind)),
    ['one', 'taken', 'two', 'taken'],
  )
  const two = await store.find('two')
  assert.equal(
    two?.endpoints.map((e) => e.endpointType),
    ['dc-cert', 'platform'],
  )
  assert.is((await store.find('one'))?.managementSubnet, 'fd01:2::/64', 'the first add of a name wins')
  assert.is((await store.list()).length, 3)
})

test('KyselySubcloudStore - concurrent deploy moves: each moves only from its own states and sets only its own fields', async (ctx) => {
  const db = openedDb(ctx)
  const store = new KyselySubcloudStore(db)
  const a = await insertSubcloud(store, subcloudFields('move-a', 11))
  const b = await insertSubcloud(store, subcloudFields('move-b', 12))
  const c = await insertSubcloud(store, subcloudFields('move-c', 13))
  for (const sc of [a, b]) {
    for (const to of [
      'creating',
      'create-complete',
      'pre-bootstrap',
      'bootstrapping',
      'bootstrap-complete',
    ] as const) {
      assert.ok(await store.moveDeploy(sc.id, to, 'deploy'))
    }
  }
  const moved = await Promise.all([
    store.moveDeploy(a.id, 'complete', 'deploy', { expectedConfigHash: 'hash-a', agentSystemUuid: 'uuid-a' }),
    store.moveDeploy(b.id, 'complete', 'deploy', { expectedConfigHash: null }),
    store.moveDeploy(c.id, 'complete', 'deploy', { expectedConfigHash: 'hash-c' }),
    store.moveDeploy(c.id, 'creating', 'deploy'),
  ])
  assert.equal(moved, [true, true, false, true], 'c is not deployed far enough to complete')
  const after = await Promise.all(['move-a', 'move-b', 'move-c'].map((n) => store.find(n)))
  assert.equal(
    after.map((s) => [s?.deployStatus, s?.expectedConfigHash, s?.errorDescription]),
    [
      ['complete', 'hash-a', 'No errors present'],
      ['complete', undefined, 'No errors present'],
      ['creating', undefined, 'No errors present'],
    ],
  )
  const [target] = await new KyselyAuditStore(db).loadAuditTargets(new AbortController().signal, [a.id])
  assert.is(target?.agentSystemUuid, 'uuid-a')
})

test.run()
