import { FAMILIES, IpRange } from './address.js'
import type { Family } from './address.js'
import type { BootstrapValues } from './bootstrap-values.js'

/** A stored range that overlaps one asked about. */
export interface FleetConflict {
  readonly owner: string
  /** the owner's range */
  readonly range: IpRange
  /** the range asked about */
  readonly requested: IpRange
}

/** Two ranges of different owners that overlap; `a` starts first (or equal and sorts first). */
export interface FleetOverlap {
  readonly a: { readonly owner: string; readonly range: IpRange }
  readonly b: { readonly owner: string; readonly range: IpRange }
}

/** The ranges one subcloud claims. */
export interface FleetEntry {
  readonly owner: string
  readonly ranges: readonly IpRange[]
}

interface Interval {
  readonly start: bigint
  readonly end: bigint
  readonly owner: string
  readonly range: IpRange
}

function byStart(x: Interval, y: Interval): number {
  if (x.start !== y.start) return x.start < y.start ? -1 : 1
  if (x.end !== y.end) return x.end < y.end ? -1 : 1
  return x.owner < y.owner ? -1 : x.owner > y.owner ? 1 : 0
}

function toInterval(owner: string, range: IpRange): Interval {
  return { start: range.start.value, end: range.end.value, owner, range }
}

/**
 * Index of the first interval starting after `value` (`inclusive` false) or at or after it
 * (`inclusive` true).
 */
function firstStarting(intervals: readonly Interval[], value: bigint, inclusive: boolean): number {
  let lo = 0
  let hi = intervals.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    const start = (intervals[mid] as Interval).start
    if (start < value || (!inclusive && start === value)) lo = mid + 1
    else hi = mid
  }
  return lo
}

const length = (x: Interval): bigint => x.end - x.start

/**
 * One family's intervals sorted by start, plus the longest one's length. An interval overlapping
 * [s, e] starts at most at e and at least at s minus that length, so a query is two binary
 * searches and a walk over that window; an update is a binary search and one splice.
 */
class FamilyIntervals {
  readonly intervals: Interval[] = []
  #maxLength = 0n
  #maxCount = 0

  load(intervals: Interval[]): void {
    this.intervals.push(...intervals)
    this.intervals.sort(byStart)
    this.#measure()
  }

  insert(interval: Interval): void {
    this.intervals.splice(firstStarting(this.intervals, interval.start, false), 0, interval)
    this.#count(length(interval), 1)
  }

  removeOwner(owner: string, ranges: readonly IpRange[]): void {
    for (const range of ranges) {
      let i = firstStarting(this.intervals, range.start.value, true)
      while (i < this.intervals.length && (this.intervals[i] as Interval).start === range.start.value) {
        const x = this.intervals[i] as Interval
        if (x.owner === owner && x.range === range) {
          this.intervals.splice(i, 1)
          this.#count(length(x), -1)
          break
        }
        i++
      }
    }
  }

  overlapping(start: bigint, end: bigint): Interval[] {
    const from = firstStarting(this.intervals, start - this.#maxLength, true)
    const to = firstStarting(this.intervals, end, false)
    return this.intervals.slice(from, to).filter((x) => x.end >= start)
  }

  #measure(): void {
    this.#maxLength = 0n
    this.#maxCount = 0
    for (const x of this.intervals) this.#count(length(x), 1)
  }

  /** Track how many intervals have the longest length, so removals rarely need a rescan. */
  #count(len: bigint, delta: 1 | -1): void {
    if (delta > 0 && len > this.#maxLength) {
      this.#maxLength = len
      this.#maxCount = 1
    } else if (len === this.#maxLength) {
      this.#maxCount += delta
      if (this.#maxCount === 0) this.#measure()
    }
  }
}

/**
 * Subcloud management/admin address ranges, per family, for the fleet rule that no two subclouds'
 * ranges overlap (subnets may be shared; only start-end ranges count, as in dcmanager). Built for
 * 10,000 subclouds: queries and updates are binary searches plus a walk over near neighbours,
 * and the bulk check {@link FleetIndex.findOverlaps} is a sort and one sweep, never a comparison
 * of all pairs.
 */
export class FleetIndex {
  readonly #families: Record<Family, FamilyIntervals> = {
    IPv4: new FamilyIntervals(),
    IPv6: new FamilyIntervals(),
  }
  readonly #owners = new Map<string, readonly IpRange[]>()

  /** An index holding `entries`, sorted once: faster than {@link add} one by one. */
  static from(entries: Iterable<FleetEntry>): FleetIndex {
    const index = new FleetIndex()
    const byFamily: Record<Family, Interval[]> = { IPv4: [], IPv6: [] }
    for (const { owner, ranges } of entries) {
      if (index.#owners.has(owner)) throw new RangeError(`duplicate fleet owner '${owner}'`)
      index.#owners.set(owner, ranges)
      for (const range of ranges) byFamily[range.family].push(toInterval(owner, range))
    }
    for (const family of FAMILIES) index.#families[family].load(byFamily[family])
    return index
  }

  /**
   * Every pair of ranges of different owners that overlap, in start order. Sort by start, then
   * for each range look only at the following ones that start before it ends: each of those is
   * an overlap, so the work is O(n log n + overlaps).
   */
  static findOverlaps(entries: Iterable<FleetEntry>): FleetOverlap[] {
    const byFamily: Record<Family, Interval[]> = { IPv4: [], IPv6: [] }
    for (const { owner, ranges } of entries) {
      for (const range of ranges) byFamily[range.family].push(toInterval(owner, range))
    }
    const overlaps: FleetOverlap[] = []
    for (const family of FAMILIES) {
      const sorted = byFamily[family].sort(byStart)
      sorted.forEach((a, i) => {
        for (let j = i + 1; j < sorted.length && (sorted[j] as Interval).start <= a.end; j++) {
          const b = sorted[j] as Interval
          if (b.owner !== a.owner) {
            overlaps.push({ a: { owner: a.owner, range: a.range }, b: { owner: b.owner, range: b.range } })
          }
        }
      })
    }
    return overlaps
  }

  /** Number of owners. */
  get size(): number {
    return this.#owners.size
  }

  has(owner: string): boolean {
    return this.#owners.has(owner)
  }

  /** The ranges of `owner`, as added. */
  rangesOf(owner: string): readonly IpRange[] | undefined {
    return this.#owners.get(owner)
  }

  /** Record (or replace) the ranges of `owner`. Overlaps are not refused: ask {@link conflicts} first. */
  add(owner: string, ranges: readonly IpRange[]): void {
    this.remove(owner)
    this.#owners.set(owner, ranges)
    for (const range of ranges) this.#families[range.family].insert(toInterval(owner, range))
  }

  /** Forget `owner`; false when it was not there. */
  remove(owner: string): boolean {
    const ranges = this.#owners.get(owner)
    if (ranges === undefined) return false
    this.#owners.delete(owner)
    for (const family of FAMILIES) {
      this.#families[family].removeOwner(
        owner,
        ranges.filter((r) => r.family === family),
      )
    }
    return true
  }

  /**
   * Stored ranges overlapping any of `ranges`, ordered by requested range then stored start.
   * `exceptOwner` leaves one owner out, so that a subcloud being updated does not clash with
   * its own current ranges.
   */
  conflicts(ranges: readonly IpRange[], exceptOwner?: string): FleetConflict[] {
    return ranges.flatMap((requested) =>
      this.#families[requested.family]
        .overlapping(requested.start.value, requested.end.value)
        .filter((x) => x.owner !== exceptOwner)
        .map((x) => ({ owner: x.owner, range: x.range, requested })),
    )
  }
}

/**
 * The ranges a subcloud claims in the fleet: the primary start-end range of its management
 * network and, when it has one, of its admin network. Only primaries, because the system
 * controller routes to and stores only those (dcmanager's `management_start_ip`/`_end_ip`).
 */
export function subcloudFleetRanges(values: BootstrapValues): IpRange[] {
  return [values.networks.management[0], values.networks.admin[0]].flatMap((pool) =>
    pool === undefined ? [] : [new IpRange(pool.start, pool.end)],
  )
}
