import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { OwnershipConflictError, PeerLinkUnavailableError } from '../src/errors.js'
import { OwnershipBucket } from '../src/geo/ownership-bucket.js'
import { FakeNats, until } from './geo-fakes.js'

const test = suite('OwnershipBucket')

test('OwnershipBucket - register keeps the first owner; take raises the epoch by compare-and-set', async () => {
  const nats = new FakeNats()
  const a = new OwnershipBucket(nats.client('a'))
  const b = new OwnershipBucket(nats.client('b'))
  assert.equal(await a.register('g1', { leader: 'a', leaderName: 'A', epoch: 2 }), {
    leader: 'a',
    leaderName: 'A',
    epoch: 2,
  })
  assert.equal(await b.register('g1', { leader: 'b', leaderName: 'B', epoch: 2 }), {
    leader: 'a',
    leaderName: 'A',
    epoch: 2,
  })
  assert.equal(await b.take('g1', 'pg1', 'b', 'B', 2), { leader: 'b', leaderName: 'B', epoch: 3 })
  assert.is((await a.read('g1'))?.ownership.epoch, 3)
  assert.is((await a.take('g1', 'pg1', 'a', 'A', 10)).epoch, 11, 'never below what the group already used')
})

test('OwnershipBucket - of two controllers taking a group at once exactly one wins', async () => {
  const nats = new FakeNats()
  const a = new OwnershipBucket(nats.client('a'))
  const b = new OwnershipBucket(nats.client('b'))
  await a.register('g1', { leader: 'a', leaderName: 'A', epoch: 2 })
  const results = await Promise.allSettled([
    a.take('g1', 'pg1', 'a', 'A', 2),
    b.take('g1', 'pg1', 'b', 'B', 2),
  ])
  const won = results.filter((r) => r.status === 'fulfilled')
  const lost = results.filter((r) => r.status === 'rejected')
  assert.is(won.length, 1)
  assert.is(lost.length, 1)
  assert.instance((lost[0] as PromiseRejectedResult).reason, OwnershipConflictError)
  assert.is((await a.read('g1'))?.ownership.epoch, 3)
})

test('OwnershipBucket - watch reports changes; unreadable values are skipped', async () => {
  const nats = new FakeNats()
  const bus = nats.client('a')
  const bucket = new OwnershipBucket(bus)
  const seen: string[] = []
  const watch = bucket.watch((key, o) => seen.push(`${key}:${o.leader}@${o.epoch}`))
  await bus.kvCreate('junk', new TextEncoder().encode('{"leader":1}'))
  await bucket.register('g1', { leader: 'a', leaderName: 'A', epoch: 2 })
  // Changes arrive in the order written: once g1 is reported, the junk written before it was skipped.
  await until('g1 reported', () => Promise.resolve(seen.length > 0))
  watch.stop()
  assert.equal(seen, ['g1:a@2'])
})

test('OwnershipBucket - renew rewrites the same owner, reports a new one, and needs the majority', async () => {
  const nats = new FakeNats()
  const a = new OwnershipBucket(nats.client('a'))
  const b = new OwnershipBucket(nats.client('b'))
  const held = { leader: 'a', leaderName: 'A', epoch: 2 }
  await a.register('g1', held)
  const before = (await a.read('g1'))?.revision ?? 0
  assert.equal(await a.renew('g1', 'pg1', held), held)
  assert.ok(((await a.read('g1'))?.revision ?? 0) > before, 'a renewal is a write')
  nats.minority.add('a')
  try {
    await a.renew('g1', 'pg1', held)
    assert.unreachable('renewed without the majority')
  } catch (err) {
    assert.instance(err, PeerLinkUnavailableError)
    assert.match(String(err), /pg1 cannot be written/)
  }
  nats.minority.delete('a')
  await b.take('g1', 'pg1', 'b', 'B', 2)
  assert.equal(await a.renew('g1', 'pg1', held), { leader: 'b', leaderName: 'B', epoch: 3 })
})

test('OwnershipBucket - a take racing only a renewal of the same owner still wins', async () => {
  const nats = new FakeNats()
  const a = new OwnershipBucket(nats.client('a'))
  const bus = nats.client('b')
  const b = new OwnershipBucket(bus)
  const held = { leader: 'a', leaderName: 'A', epoch: 2 }
  await a.register('g1', held)
  const update = bus.kvUpdate.bind(bus)
  let raced = false
  bus.kvUpdate = async (key, value, revision) => {
    if (!raced) {
      raced = true
      await a.renew('g1', 'pg1', held)
    }
    return update(key, value, revision)
  }
  assert.equal(await b.take('g1', 'pg1', 'b', 'B', 2), { leader: 'b', leaderName: 'B', epoch: 3 })
  assert.ok(raced)
})

test.run()
