import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { READ_AHEAD_MAX_AGE_MS, SubcloudLookup } from '../src/strategies/subcloud-lookup.js'
import type { Subcloud } from '../src/subclouds/subcloud.js'

function storeOf(names: readonly string[]) {
  const queries: string[][] = []
  return {
    queries,
    findByNames: (asked: readonly string[]): Promise<Subcloud[]> => {
      queries.push([...asked])
      return Promise.resolve(
        asked.filter((n) => names.includes(n)).map((name) => ({ name }) as unknown as Subcloud),
      )
    },
  }
}

test('SubcloudLookup - lookups of one tick share one query, repeats included', async () => {
  const store = storeOf(['a', 'b'])
  const lookup = new SubcloudLookup(store)
  const found = await Promise.all(['a', 'b', 'a', 'gone'].map((n) => lookup.find(n)))
  assert.equal(
    found.map((s) => s?.name),
    ['a', 'b', 'a', undefined],
  )
  assert.equal(store.queries, [['a', 'b', 'gone']])
  await lookup.find('b')
  assert.is(store.queries.length, 2, 'a later tick makes its own query')
})

test('SubcloudLookup - more than a thousand names are split over several queries', async () => {
  const names = Array.from({ length: 2500 }, (_, i) => `s${i}`)
  const store = storeOf(names)
  const lookup = new SubcloudLookup(store)
  const found = await Promise.all(names.map((n) => lookup.find(n)))
  assert.ok(found.every((s, i) => s?.name === names[i]))
  assert.equal(
    store.queries.map((q) => q.length),
    [1000, 1000, 500],
  )
})

test('SubcloudLookup - a failed query rejects every lookup of its batch', async () => {
  const lookup = new SubcloudLookup({ findByNames: () => Promise.reject(new Error('store fenced')) })
  const outcomes = await Promise.allSettled([lookup.find('a'), lookup.find('b')])
  assert.equal(
    outcomes.map((o) => o.status),
    ['rejected', 'rejected'],
  )
})

test('SubcloudLookup - a lookup read ahead makes no query of its own', async () => {
  const store = storeOf(['a', 'b'])
  const lookup = new SubcloudLookup(store)
  lookup.readAhead(['a', 'b', 'gone'])
  const found = await Promise.all(['a', 'b', 'gone'].map((n) => lookup.find(n)))
  assert.equal(
    found.map((s) => s?.name),
    ['a', 'b', undefined],
  )
  assert.equal(store.queries, [['a', 'b', 'gone']])
  await lookup.find('a')
  assert.is(store.queries.length, 2, 'a read ahead answers one lookup; the next one reads again')
})

test('SubcloudLookup - a read ahead older than the age limit is read again', async () => {
  const store = storeOf(['a', 'b'])
  let nowMs = 0
  const lookup = new SubcloudLookup(store, { now: () => nowMs })
  lookup.readAhead(['a', 'b'])
  nowMs = READ_AHEAD_MAX_AGE_MS
  await lookup.find('a')
  assert.is(store.queries.length, 1, 'at the limit, the read ahead still answers')
  nowMs += 1
  await lookup.find('b')
  assert.equal(store.queries, [['a', 'b'], ['b']], 'past it, the subcloud is read again')
})

test('SubcloudLookup - a failed read ahead leaves each lookup to a query of its own', async () => {
  let fail = true
  const queries: string[][] = []
  const lookup = new SubcloudLookup({
    findByNames: (asked) => {
      queries.push([...asked])
      if (fail) return Promise.reject(new Error('connection reset'))
      return Promise.resolve(asked.map((name) => ({ name }) as unknown as Subcloud))
    },
  })
  lookup.readAhead(['a'])
  fail = false
  assert.is((await lookup.find('a'))?.name, 'a')
  assert.equal(queries, [['a'], ['a']])
})

test.run()
