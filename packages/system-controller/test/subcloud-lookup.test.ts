import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { SubcloudLookup } from '../src/strategies/subcloud-lookup.js'
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

test.run()
