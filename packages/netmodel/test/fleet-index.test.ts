import fc from 'fast-check'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { IpAddress, IpRange, parseCidr, parseRange } from '../src/address.js'
import type { Family } from '../src/address.js'
import { FleetIndex, subcloudFleetRanges } from '../src/fleet-index.js'
import type { FleetEntry } from '../src/fleet-index.js'
import { IPV6_BOOTSTRAP, validValues } from './bootstrap-fixtures.js'

/** Ranges over a tiny address space so that random fleets collide often. */
const rangeArb = fc
  .record({
    family: fc.constantFrom<Family>('IPv4', 'IPv6'),
    start: fc.bigInt({ min: 0n, max: 200n }),
    length: fc.bigInt({ min: 0n, max: 20n }),
  })
  .map(({ family, start, length }) => {
    const base = family === 'IPv4' ? 0x0a000000n : 0xfd00n << 112n
    return new IpRange(new IpAddress(family, base + start), new IpAddress(family, base + start + length))
  })

const fleetArb = fc.uniqueArray(
  fc.record({
    owner: fc.string({ minLength: 1, maxLength: 6 }),
    ranges: fc.array(rangeArb, { maxLength: 3 }),
  }),
  { selector: (e) => e.owner, maxLength: 40 },
)

function overlaps(a: IpRange, b: IpRange): boolean {
  return a.family === b.family && a.start.value <= b.end.value && b.start.value <= a.end.value
}

/** Owner pairs as sorted `x|y` keys, with each range pair counted once. */
function bruteForcePairs(entries: readonly FleetEntry[]): string[] {
  const pairs: string[] = []
  entries.forEach((x, i) => {
    for (const y of entries.slice(i + 1)) {
      for (const a of x.ranges) {
        for (const b of y.ranges) {
          if (overlaps(a, b)) pairs.push(pairKey(x.owner, a, y.owner, b))
        }
      }
    }
  })
  return pairs.sort()
}

function pairKey(o1: string, r1: IpRange, o2: string, r2: IpRange): string {
  const [p, q] = [`${o1}@${r1.toString()}`, `${o2}@${r2.toString()}`].sort()
  return `${p}|${q}`
}

const Index = suite('FleetIndex')

Index('FleetIndex - reports the owners whose ranges overlap a request, per family', () => {
  const index = new FleetIndex()
  index.add('subcloud1', [parseRange('192.168.101.2-192.168.101.50'), parseRange('fd01:1::2-fd01:1::ff')])
  index.add('subcloud2', [parseRange('192.168.102.2-192.168.102.50')])
  const hits = index.conflicts([
    parseRange('192.168.101.40-192.168.102.10'),
    parseRange('fd01:1::ff-fd01:1::1ff'),
  ])
  assert.equal(
    hits.map((c) => `${c.owner} ${c.range.toString()} vs ${c.requested.toString()}`),
    [
      'subcloud1 192.168.101.2-192.168.101.50 vs 192.168.101.40-192.168.102.10',
      'subcloud2 192.168.102.2-192.168.102.50 vs 192.168.101.40-192.168.102.10',
      'subcloud1 fd01:1::2-fd01:1::ff vs fd01:1::ff-fd01:1::1ff',
    ],
  )
  assert.equal(index.conflicts([parseRange('192.168.101.51-192.168.102.1')]), [])
})

Index('FleetIndex - leaves out the owner being updated, and forgets removed owners', () => {
  const index = new FleetIndex()
  index.add('a', [parseRange('10.0.0.1-10.0.0.9')])
  index.add('b', [parseRange('10.0.0.5-10.0.0.20')])
  const request = [parseRange('10.0.0.1-10.0.0.6')]
  assert.equal(
    index.conflicts(request, 'a').map((c) => c.owner),
    ['b'],
  )
  assert.ok(index.remove('b'))
  assert.not.ok(index.remove('b'))
  assert.equal(index.conflicts(request, 'a'), [])
  assert.is(index.size, 1)
  index.add('a', [parseRange('10.0.1.1-10.0.1.9')])
  assert.equal(index.conflicts(request), [])
  assert.is(index.rangesOf('a')?.[0]?.toString(), '10.0.1.1-10.0.1.9')
})

Index('FleetIndex - finds a short range hidden behind a long one that starts earlier', () => {
  const index = FleetIndex.from([
    { owner: 'wide', ranges: [parseRange('10.0.0.1-10.0.9.255')] },
    { owner: 'narrow', ranges: [parseRange('10.0.1.0-10.0.1.9')] },
  ])
  assert.equal(
    index.conflicts([parseRange('10.0.5.0-10.0.5.0')]).map((c) => c.owner),
    ['wide'],
  )
})

/** Random add (or replace) and remove steps over a few owners, so owners come and go. */
const stepsArb = fc.array(
  fc.record({
    owner: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
    ranges: fc.option(fc.array(rangeArb, { maxLength: 3 }), { nil: undefined }),
  }),
  { maxLength: 60 },
)

Index('FleetIndex - conflicts agree with brute force after random adds, replaces and removes', () => {
  fc.assert(
    fc.property(
      stepsArb,
      fc.array(rangeArb, { maxLength: 3 }),
      fc.constantFrom(undefined, 'a'),
      (steps, request, except) => {
        const index = new FleetIndex()
        const model = new Map<string, readonly IpRange[]>()
        for (const step of steps) {
          if (step.ranges === undefined) {
            assert.is(index.remove(step.owner), model.delete(step.owner))
          } else {
            index.add(step.owner, step.ranges)
            model.set(step.owner, step.ranges)
          }
        }
        const entries = [...model].map(([owner, ranges]) => ({ owner, ranges }))
        const expected = request
          .flatMap((q) =>
            entries
              .filter((e) => e.owner !== except)
              .flatMap((e) =>
                e.ranges.filter((r) => overlaps(r, q)).map((r) => `${e.owner}@${r.toString()}`),
              ),
          )
          .sort()
        const found = (index: FleetIndex) =>
          index
            .conflicts(request, except)
            .map((c) => `${c.owner}@${c.range.toString()}`)
            .sort()
        assert.equal(found(index), expected)
        assert.equal(found(FleetIndex.from(entries)), expected)
        assert.is(index.size, model.size)
      },
    ),
    { numRuns: 300 },
  )
})

Index('FleetIndex - findOverlaps agrees with brute force on random fleets', () => {
  fc.assert(
    fc.property(fleetArb, (fleet) => {
      const found = FleetIndex.findOverlaps(fleet)
        .map((o) => pairKey(o.a.owner, o.a.range, o.b.owner, o.b.range))
        .sort()
      assert.equal(found, bruteForcePairs(fleet))
    }),
    { numRuns: 300 },
  )
})

Index('FleetIndex - findOverlaps sweeps 10,000 disjoint subclouds and finds the one planted clash', () => {
  const fleet: FleetEntry[] = []
  for (let i = 0; i < 10_000; i++) {
    const base = 0x0a000000n + BigInt(i) * 256n
    fleet.push({
      owner: `subcloud${i}`,
      ranges: [new IpRange(new IpAddress('IPv4', base + 2n), new IpAddress('IPv4', base + 50n))],
    })
  }
  fleet.push({ owner: 'intruder', ranges: [parseRange('10.0.39.40-10.0.39.60')] })
  const found = FleetIndex.findOverlaps(fleet)
  assert.equal(
    found.map((o) => [o.a.owner, o.b.owner]),
    [['subcloud39', 'intruder']],
  )
  assert.equal(
    FleetIndex.from(fleet)
      .conflicts([parseRange('10.0.39.1-10.0.39.1')])
      .map((c) => c.owner),
    [],
  )
})

Index(
  "FleetIndex - finds the subclouds whose management subnet holds a new OAM subnet's network address",
  () => {
    // spec distcloud 2.3: index the stored management subnets as ranges, ask about one address
    const subnet = (text: string) => {
      const c = parseCidr(text)
      return new IpRange(c.first, c.last)
    }
    const index = FleetIndex.from([
      { owner: 'sc1', ranges: [subnet('192.168.101.0/24'), subnet('fd01:1::/64')] },
      { owner: 'sc2', ranges: [subnet('192.168.101.0/24')] },
      { owner: 'sc3', ranges: [subnet('192.168.102.0/24'), subnet('fd01:2::/64')] },
    ])
    const holders = (oam: string) => {
      const network = parseCidr(oam).network
      return index.conflicts([new IpRange(network, network)]).map((c) => c.owner)
    }
    assert.equal(holders('192.168.101.128/25'), ['sc1', 'sc2'])
    assert.equal(holders('fd01:2::/64'), ['sc3'])
    assert.equal(holders('10.20.3.0/24'), [])
    assert.equal(holders('fd10::/64'), [])
  },
)

Index('FleetIndex - from refuses an owner listed twice', () => {
  assert.throws(
    () =>
      FleetIndex.from([
        { owner: 'a', ranges: [] },
        { owner: 'a', ranges: [] },
      ]),
    /duplicate fleet owner 'a'/,
  )
})

const Ranges = suite('subcloudFleetRanges')

Ranges('subcloudFleetRanges - takes the primary management range and the primary admin range', () => {
  const values = validValues({
    ...IPV6_BOOTSTRAP,
    distributed_cloud_role: 'subcloud',
    management_subnet: 'fd01:1::/64,192.168.101.0/24',
    management_start_address: 'fd01:1::2,192.168.101.2',
    management_end_address: 'fd01:1::50,192.168.101.50',
    admin_subnet: 'fd09:1::/64',
    admin_start_address: 'fd09:1::2',
    admin_end_address: 'fd09:1::20',
  })
  assert.equal(
    subcloudFleetRanges(values).map((r) => r.toString()),
    ['fd01:1::2-fd01:1::50', 'fd09:1::2-fd09:1::20'],
  )
})

Index.run()
Ranges.run()
