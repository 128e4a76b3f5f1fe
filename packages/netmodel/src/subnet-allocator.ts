import { Cidr, IpRange, familyBits } from './address.js'
import { FleetIndex } from './fleet-index.js'
import type { FleetConflict } from './fleet-index.js'

/** A range taken by another owner, as {@link SubnetAllocator.claim} reports it. */
export interface SubnetConflict {
  readonly owner: string
  /** The other owner's subnet (`10.64.0.0/24`), or its start-end range when it was loaded as one. */
  readonly range: string
}

function spanOf(cidr: Cidr): IpRange {
  return new IpRange(cidr.first, cidr.last)
}

/**
 * Hands out fleet-unique subnets from a plan's `allocate` sources, deterministically (callers ask in
 * subcloud-name order), never one overlapping a range in `taken` or one it already gave. The
 * caller's index is only read: what this allocator gives or records lives in an index of its own.
 *
 * Each source keeps a cursor, the first block not yet looked at; a block that conflicts moves the
 * cursor past the end of what it conflicts with, so a fleet's allocations cost one index query
 * each, never a rescan of the source from its start.
 */
export class SubnetAllocator {
  readonly #taken: FleetIndex
  readonly #given = new FleetIndex()
  /** Subnet text of every range in `#given`, for messages. */
  readonly #givenText = new Map<IpRange, string>()
  readonly #cursors = new Map<string, bigint>()

  constructor(taken: FleetIndex) {
    this.#taken = taken
  }

  /** The next free subnet of `source` for `owner`, recorded as taken; undefined when exhausted. */
  allocate(owner: string, source: { readonly from: Cidr; readonly prefix: number }): Cidr | undefined {
    const { from, prefix } = source
    const blockSize = 1n << BigInt(familyBits(from.family) - prefix)
    const blocks = from.size / blockSize
    const key = `${from.toString()}:${prefix}`
    let cursor = this.#cursors.get(key) ?? 0n
    while (cursor < blocks) {
      const candidate = new Cidr(from.network.offset(cursor * blockSize), prefix)
      // Against every range, the owner's own included: one site's OAM and cluster-host may not overlap.
      const conflicts = this.#conflicts(spanOf(candidate))
      if (conflicts.length === 0) {
        this.#cursors.set(key, cursor + 1n)
        this.#record(owner, candidate)
        return candidate
      }
      const end = conflicts.reduce((max, c) => (c.range.end.value > max ? c.range.end.value : max), 0n)
      cursor = (end - from.network.value) / blockSize + 1n
    }
    this.#cursors.set(key, blocks)
    return undefined
  }

  /**
   * Record a given subnet (a per-subcloud value) for `owner`; the conflicts it has with other
   * owners. A subnet with conflicts is not recorded, so a refused subcloud blocks no one else.
   */
  claim(owner: string, subnet: Cidr): readonly SubnetConflict[] {
    const conflicts = this.#conflicts(spanOf(subnet), owner).map((c) => ({
      owner: c.owner,
      range: this.#givenText.get(c.range) ?? c.range.toString(),
    }))
    if (conflicts.length === 0) this.#record(owner, subnet)
    return conflicts
  }

  #conflicts(span: IpRange, exceptOwner?: string): FleetConflict[] {
    return [...this.#taken.conflicts([span], exceptOwner), ...this.#given.conflicts([span], exceptOwner)]
  }

  #record(owner: string, subnet: Cidr): void {
    const span = spanOf(subnet)
    this.#givenText.set(span, subnet.toString())
    this.#given.add(owner, [...(this.#given.rangesOf(owner) ?? []), span])
  }
}
