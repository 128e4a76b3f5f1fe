import { IpRange, parseCidr, parseIp } from '@dc/netmodel'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { FleetRegistry } from '../src/subclouds/fleet-registry.js'
import type { FleetClaim, FleetClashes, FleetReservation } from '../src/subclouds/fleet-registry.js'
import type { FleetEntry } from '../src/subclouds/subcloud.js'

/** A store's fleet rows, counting full reads and reads of new rows. */
class FakeFleet {
  rows: FleetEntry[] = []
  fullReads = 0
  newReads: number[] = []

  add(id: number, n: number, name = `subcloud${n}`): void {
    this.rows.push({
      id,
      name,
      managementSubnet: `fd01:${n}::/64`,
      managementStart: `fd01:${n}::2`,
      managementEnd: `fd01:${n}::50`,
    })
  }

  fleetEntries(afterId?: number): Promise<FleetEntry[]> {
    if (afterId === undefined) this.fullReads++
    else this.newReads.push(afterId)
    return Promise.resolve(this.rows.filter((r) => r.id > (afterId ?? 0)))
  }
}

/** Subcloud `n`'s claim: management range fd01:<n>::2-50, OAM network fd00:<oam>::. */
function claim(n: number, oam = n): FleetClaim {
  const range = new IpRange(parseIp(`fd01:${n}::2`), parseIp(`fd01:${n}::50`))
  return {
    name: `subcloud${n}`,
    ranges: [range],
    oamNetwork: parseIp(`fd00:${oam}::`),
    storedRange: range,
    managementSubnet: parseCidr(`fd01:${n}::/64`),
  }
}

function reserved(result: FleetReservation | FleetClashes): FleetReservation {
  if (!('commit' in result)) throw new Error(`clashes: ${JSON.stringify(owners(result))}`)
  return result
}

function owners(clashes: FleetReservation | FleetClashes): { ranges: string[]; subnets: string[] } {
  if ('commit' in clashes) return { ranges: [], subnets: [] }
  return {
    ranges: clashes.ranges.map((c) => c.owner),
    subnets: clashes.subnets.map((c) => `${c.owner} ${c.subnet}`),
  }
}

const test = suite('FleetRegistry')

test('FleetRegistry - names stored subclouds whose range overlaps or whose subnet holds the OAM network', async () => {
  const fleet = new FakeFleet()
  fleet.add(1, 1)
  fleet.add(2, 2)
  const registry = new FleetRegistry(fleet)
  assert.equal(owners(await registry.clashes(claim(3))), { ranges: [], subnets: [] })
  const clashes = await registry.clashes({
    ranges: [new IpRange(parseIp('fd01:1::40'), parseIp('fd01:1::60'))],
    oamNetwork: parseIp('fd01:2::'),
  })
  assert.equal(owners(clashes), { ranges: ['subcloud1'], subnets: ['subcloud2 fd01:2::/64'] })
  assert.is(clashes.ranges[0]?.range.start.toString(), 'fd01:1::2')
})

test('FleetRegistry - of two concurrent adds of one range, only the first reserves it', async () => {
  const fleet = new FakeFleet()
  const registry = new FleetRegistry(fleet)
  const [a, b] = await Promise.all([registry.clashes(claim(5)), registry.clashes(claim(5))])
  assert.equal([owners(a), owners(b)], [owners(a), { ranges: [], subnets: [] }], 'both pass the check')
  const first = reserved(registry.reserve(claim(5)))
  assert.equal(owners(registry.reserve({ ...claim(5), name: 'late' })).ranges, ['subcloud5'])
  const oamInside = { ...claim(6), oamNetwork: parseIp('fd01:5::') }
  assert.equal(
    owners(await registry.clashes(oamInside)).subnets,
    ['subcloud5 fd01:5::/64'],
    'reserved subnets count',
  )
  assert.equal(owners(await registry.clashes(claim(7))), { ranges: [], subnets: [] })
  first.release()
  const second = reserved(registry.reserve({ ...claim(5), name: 'late' }))
  fleet.add(9, 5, 'late')
  second.commit(9)
  assert.equal(owners(await registry.clashes(claim(5))).ranges, ['late'])
  fleet.rows = []
  registry.forget(9)
  assert.equal(owners(await registry.clashes(claim(5))).ranges, [])
})

test('FleetRegistry - reads only rows added since, and confirms a clash against a fresh read', async () => {
  const fleet = new FakeFleet()
  fleet.add(1, 1)
  const registry = new FleetRegistry(fleet)
  await registry.clashes(claim(2))
  assert.is(fleet.fullReads, 1)
  // Another writer (a peer site's secondary copy) adds a row: the next check sees it.
  fleet.add(2, 2)
  assert.equal(owners(await registry.clashes(claim(3))).ranges, [])
  assert.equal(owners(await registry.clashes(claim(3))).ranges, [])
  assert.equal(fleet.newReads, [1, 2], 'then only ids above the highest known')
  assert.is(fleet.fullReads, 1)
  assert.equal(owners(await registry.clashes(claim(2))).ranges, ['subcloud2'])
  // That writer deletes it again: the stale entry clashes, so the registry reads everything again.
  fleet.rows = fleet.rows.filter((r) => r.id !== 2)
  const fullReads = fleet.fullReads
  assert.equal(owners(await registry.clashes(claim(2))).ranges, [])
  assert.is(fleet.fullReads, fullReads + 1)
})

test('FleetRegistry - a fresh read keeps the reservations of adds in flight', async () => {
  const fleet = new FakeFleet()
  fleet.add(1, 1)
  const registry = new FleetRegistry(fleet)
  await registry.clashes(claim(9))
  reserved(registry.reserve(claim(4)))
  fleet.rows = []
  // A clash with subcloud1 (gone since) forces a full read; subcloud4's reservation must survive it.
  const clashes = await registry.clashes({
    ranges: [...claim(1).ranges, ...claim(4).ranges],
    oamNetwork: undefined,
  })
  assert.equal(owners(clashes).ranges, ['subcloud4'])
  assert.is(fleet.fullReads, 2)
})

test('FleetRegistry - a reconfigured or redeployed subcloud does not clash with itself, and its new range replaces the old', async () => {
  const fleet = new FakeFleet()
  fleet.add(1, 1)
  fleet.add(2, 2)
  const registry = new FleetRegistry(fleet)
  // Subcloud 1 moving into a range overlapping its own current one: no clash with itself.
  const moved = { ...claim(1, 9), ranges: [new IpRange(parseIp('fd01:1::40'), parseIp('fd01:1::90'))] }
  assert.equal(owners(await registry.clashes(moved, 1)), { ranges: [], subnets: [] })
  assert.equal(owners(await registry.clashes(moved)), { ranges: ['subcloud1'], subnets: [] })
  // Subcloud 1 moving to a new range, stored then committed: that range is taken, its old one is free.
  const reservation = reserved(registry.reserve({ ...claim(3, 9), name: 'subcloud1' }, 1))
  fleet.rows = fleet.rows.filter((r) => r.id !== 1)
  fleet.add(1, 3, 'subcloud1')
  reservation.commit(1)
  assert.equal(owners(await registry.clashes(claim(3, 8))), { ranges: ['subcloud1'], subnets: [] })
  assert.equal(owners(await registry.clashes(claim(1, 8))), { ranges: [], subnets: [] })
  // A reconfiguration into another subcloud's range is refused.
  assert.equal(owners(registry.reserve(claim(2, 9), 1)), { ranges: ['subcloud2'], subnets: [] })
})

test('FleetRegistry - a range another writer changed in place is seen once the registry is invalidated', async () => {
  const fleet = new FakeFleet()
  fleet.add(1, 1, 'copy1')
  const registry = new FleetRegistry(fleet)
  assert.equal(owners(await registry.clashes(claim(7))), { ranges: [], subnets: [] })
  // A peer's copy refreshed with subcloud 7's range: reading new ids alone would not see it.
  fleet.rows = []
  fleet.add(1, 7, 'copy1')
  assert.equal(owners(await registry.clashes(claim(7))), { ranges: [], subnets: [] }, 'not seen yet')
  registry.invalidate()
  assert.equal(owners(await registry.clashes(claim(7))).ranges, ['copy1'])
  assert.is(fleet.fullReads, 3, 'the first load, the one after invalidating, the clash confirmed')
  assert.equal(owners(await registry.clashes(claim(1))), { ranges: [], subnets: [] }, 'its old range is free')
})

test.run()
