import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { FleetIndex, IpRange, SubnetAllocator, parseCidr, parseRange } from '../src/index.js'

const Allocator = suite('SubnetAllocator')

const OAM_SOURCE = { from: parseCidr('10.64.0.0/12'), prefix: 24 }

function allocateAll(allocator: SubnetAllocator, owners: readonly string[]): (string | undefined)[] {
  return owners.map((owner) => allocator.allocate(owner, OAM_SOURCE)?.toString())
}

Allocator(
  'SubnetAllocator - allocate hands out the blocks in address order, the same for the same fleet',
  () => {
    const owners = ['subcloud1', 'subcloud2', 'subcloud3']
    const first = allocateAll(new SubnetAllocator(new FleetIndex()), owners)
    assert.equal(first, ['10.64.0.0/24', '10.64.1.0/24', '10.64.2.0/24'])
    assert.equal(allocateAll(new SubnetAllocator(new FleetIndex()), owners), first)
  },
)

Allocator('SubnetAllocator - allocate keeps a cursor per source, so two sources never share a block', () => {
  const allocator = new SubnetAllocator(new FleetIndex())
  const host = { from: parseCidr('10.128.0.0/12'), prefix: 24 }
  assert.is(allocator.allocate('subcloud1', OAM_SOURCE)?.toString(), '10.64.0.0/24')
  assert.is(allocator.allocate('subcloud1', host)?.toString(), '10.128.0.0/24')
  assert.is(allocator.allocate('subcloud2', OAM_SOURCE)?.toString(), '10.64.1.0/24')
  // a second source over the same space skips what the first gave
  const overlapping = { from: parseCidr('10.64.0.0/16'), prefix: 25 }
  assert.is(allocator.allocate('subcloud3', overlapping)?.toString(), '10.64.2.0/25')
})

Allocator('SubnetAllocator - allocate skips every block that overlaps a taken range', () => {
  const taken = FleetIndex.from([
    { owner: 'subcloud1', ranges: [parseRange('10.64.0.10-10.64.0.20')] },
    // a range over several blocks is passed in one step
    { owner: 'subcloud2', ranges: [parseRange('10.64.1.200-10.64.4.3')] },
  ])
  const allocator = new SubnetAllocator(taken)
  assert.equal(allocateAll(allocator, ['a', 'b', 'c']), ['10.64.5.0/24', '10.64.6.0/24', '10.64.7.0/24'])
  // the caller's index is only read
  assert.is(taken.size, 2)
  assert.is(taken.has('a'), false)
})

Allocator('SubnetAllocator - allocate answers undefined once the source is exhausted, and stays so', () => {
  const allocator = new SubnetAllocator(new FleetIndex())
  const source = { from: parseCidr('fd00:64::/62'), prefix: 63 }
  assert.is(allocator.allocate('subcloud1', source)?.toString(), 'fd00:64::/63')
  assert.is(allocator.allocate('subcloud2', source)?.toString(), 'fd00:64:0:2::/63')
  assert.is(allocator.allocate('subcloud3', source), undefined)
  assert.is(allocator.allocate('subcloud4', source), undefined)
})

Allocator('SubnetAllocator - claim records a given subnet and reports the other owners it overlaps', () => {
  const taken = FleetIndex.from([{ owner: 'subcloud9', ranges: [parseRange('10.20.9.2-10.20.9.50')] }])
  const allocator = new SubnetAllocator(taken)
  assert.equal(allocator.claim('subcloud7', parseCidr('10.20.7.0/24')), [])
  assert.equal(allocator.claim('subcloud8', parseCidr('10.20.7.128/25')), [
    { owner: 'subcloud7', range: '10.20.7.0/24' },
  ])
  assert.equal(allocator.claim('subcloud8', parseCidr('10.20.9.0/24')), [
    { owner: 'subcloud9', range: '10.20.9.2-10.20.9.50' },
  ])
  // its own ranges are no conflict
  assert.equal(allocator.claim('subcloud9', parseCidr('10.20.9.0/26')), [])
  // a refused claim took nothing: the next one is free to use it
  assert.equal(allocator.claim('subcloud10', parseCidr('10.20.8.0/24')), [])
})

Allocator('SubnetAllocator - allocate steps around claimed subnets', () => {
  const allocator = new SubnetAllocator(new FleetIndex())
  assert.equal(allocator.claim('subcloud7', parseCidr('10.64.0.0/23')), [])
  assert.equal(allocateAll(allocator, ['subcloud1', 'subcloud2']), ['10.64.2.0/24', '10.64.3.0/24'])
  assert.equal(allocator.claim('subcloud8', parseCidr('10.64.3.0/24')), [
    { owner: 'subcloud2', range: '10.64.3.0/24' },
  ])
})

Allocator('SubnetAllocator - 10,000 allocations among 10,000 taken ranges are all distinct and free', () => {
  const taken = FleetIndex.from(
    Array.from({ length: 10_000 }, (_, i) => ({
      owner: `subcloud${i}`,
      // every third block of the source is some subcloud's management range
      ranges:
        i % 3 === 0 ? [parseRange(`10.${64 + (i >> 8)}.${i & 255}.2-10.${64 + (i >> 8)}.${i & 255}.9`)] : [],
    })),
  )
  const allocator = new SubnetAllocator(taken)
  const source = { from: parseCidr('10.64.0.0/10'), prefix: 24 }
  const given = Array.from({ length: 10_000 }, (_, i) => allocator.allocate(`subcloud${i}`, source))
  const texts = given.map((c) => c?.toString())
  assert.is(new Set(texts).size, 10_000)
  for (const cidr of given) {
    if (cidr === undefined) throw new Error('exhausted too early')
    assert.equal(taken.conflicts([new IpRange(cidr.first, cidr.last)]), [])
  }
})

Allocator.run()
