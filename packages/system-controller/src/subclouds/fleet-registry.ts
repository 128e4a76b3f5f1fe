import { FleetIndex, IpRange, parseCidr, parseIp } from '@dc/netmodel'
import type { Cidr, IpAddress } from '@dc/netmodel'
import type { FleetEntry } from './subcloud.js'

/** What a new subcloud must not clash with, and what it holds once added. */
export interface FleetClaim {
  readonly name: string
  /** Its primary management and admin ranges: no other subcloud's stored range may overlap them. */
  readonly ranges: readonly IpRange[]
  /** Its OAM network address: it must not fall inside another subcloud's management subnet. */
  readonly oamNetwork: IpAddress | undefined
  /** The range stored as `management_start_ip`-`management_end_ip` (admin, else management). */
  readonly storedRange: IpRange
  /** The subnet stored as `management_subnet`. */
  readonly managementSubnet: Cidr
}

/** Subclouds a claim clashes with; both lists empty when it is free. */
export interface FleetClashes {
  readonly ranges: readonly {
    /** The other subcloud's name. */
    readonly owner: string
    /** Its stored range. */
    readonly range: IpRange
    /** The claimed range it overlaps. */
    readonly requested: IpRange
  }[]
  /** Management subnets (canonical text) of other subclouds that contain the claim's OAM network. */
  readonly subnets: readonly { readonly owner: string; readonly subnet: string }[]
}

/** A claim held while its row is being inserted. */
export interface FleetReservation {
  /** The row is committed with this id: the claim is now the subcloud's. */
  commit(subcloudId: number): void
  /** The insert failed: the ranges are free again. */
  release(): void
}

/** The part of the store the registry reads. */
export interface FleetSource {
  /** Stored ranges of every subcloud, or of those with an id above `afterId`. */
  fleetEntries(afterId?: number): Promise<FleetEntry[]>
}

interface Holder {
  readonly name: string
  readonly subnet: string
  readonly range: IpRange
  readonly subnetRange: IpRange
}

function holderOf(entry: FleetEntry): Holder | undefined {
  try {
    const subnet = parseCidr(entry.managementSubnet)
    const start = parseIp(entry.managementStart)
    const end = parseIp(entry.managementEnd)
    if (start.family !== end.family) return undefined
    return {
      name: entry.name,
      subnet: subnet.toString(),
      range: new IpRange(start, end),
      subnetRange: new IpRange(subnet.first, subnet.last),
    }
  } catch {
    // A row the controller could not have written (edited by hand): it claims nothing.
    return undefined
  }
}

const isFree = (clashes: FleetClashes): boolean => clashes.ranges.length === 0 && clashes.subnets.length === 0

/**
 * The fleet's management ranges and subnets in memory, for the `subcloud add` rules that no two
 * subclouds' ranges overlap and that no OAM network lies in another subcloud's management subnet.
 * Loaded once, then kept current: adds reserve their claim synchronously (check and reserve with
 * no await in between, so concurrent adds cannot both take a range), commit it with the new id or
 * release it when the insert fails; deletes forget it. Rows other writers add (secondary copies of
 * a peer site) are picked up before every check by asking only for ids above the highest known
 * one; rows other writers delete can only cause a false clash, so a clash is confirmed against a
 * fresh load before it is reported. Each add costs a binary search instead of reading and parsing
 * the whole fleet.
 */
export class FleetRegistry {
  readonly #source: FleetSource
  #ranges = new FleetIndex()
  #subnets = new FleetIndex()
  readonly #holders = new Map<string, Holder>()
  #loaded = false
  /** Bumped by {@link invalidate}: a reload that started before it does not count as loaded. */
  #generation = 0
  #maxId = 0
  #nextPending = 0
  #catchingUp: Promise<void> | undefined

  constructor(source: FleetSource) {
    this.#source = source
  }

  /**
   * The subclouds `claim` clashes with, stored or reserved, after reading what others added;
   * subcloud `except` (one being redeployed or whose network is being reconfigured) does not
   * clash with itself.
   */
  async clashes(claim: Pick<FleetClaim, 'ranges' | 'oamNetwork'>, except?: number): Promise<FleetClashes> {
    await this.#catchUp()
    const found = this.#find(claim, except)
    if (isFree(found)) return found
    await this.#reload()
    return this.#find(claim, except)
  }

  /**
   * Reserves `claim` if nothing stored or reserved clashes with it now; otherwise returns the
   * clashes (an add that passed {@link clashes} can still lose to one reserved meanwhile). With
   * `except`, the claim replaces that subcloud's own at commit.
   */
  reserve(claim: FleetClaim, except?: number): FleetReservation | FleetClashes {
    const found = this.#find(claim, except)
    if (!isFree(found)) return found
    const key = `add:${this.#nextPending++}`
    this.#hold(key, {
      name: claim.name,
      subnet: claim.managementSubnet.toString(),
      range: claim.storedRange,
      subnetRange: new IpRange(claim.managementSubnet.first, claim.managementSubnet.last),
    })
    let settled = false
    return {
      commit: (subcloudId) => {
        if (settled) return
        settled = true
        const holder = this.#holders.get(key)
        this.#drop(key)
        this.#drop(`id:${subcloudId}`)
        if (holder !== undefined) this.#hold(`id:${subcloudId}`, holder)
      },
      release: () => {
        if (settled) return
        settled = true
        this.#drop(key)
      },
    }
  }

  /** Subcloud `subcloudId` was deleted. */
  forget(subcloudId: number): void {
    this.#drop(`id:${subcloudId}`)
  }

  /**
   * Another writer changed stored ranges in place (a peer's copy refreshed with a new range): the
   * next check reads the whole fleet again, as reading new ids alone would not see it.
   */
  invalidate(): void {
    this.#loaded = false
    this.#generation++
  }

  #find(claim: Pick<FleetClaim, 'ranges' | 'oamNetwork'>, except?: number): FleetClashes {
    const name = (key: string): string => this.#holders.get(key)?.name ?? key
    const self = except === undefined ? undefined : `id:${except}`
    const oam = claim.oamNetwork
    return {
      ranges: this.#ranges
        .conflicts(claim.ranges, self)
        .map(({ owner, range, requested }) => ({ owner: name(owner), range, requested })),
      subnets:
        oam === undefined
          ? []
          : this.#subnets.conflicts([new IpRange(oam, oam)], self).map(({ owner }) => ({
              owner: name(owner),
              subnet: this.#holders.get(owner)?.subnet ?? '',
            })),
    }
  }

  #hold(key: string, holder: Holder): void {
    this.#holders.set(key, holder)
    this.#ranges.add(key, [holder.range])
    this.#subnets.add(key, [holder.subnetRange])
  }

  #drop(key: string): void {
    this.#holders.delete(key)
    this.#ranges.remove(key)
    this.#subnets.remove(key)
  }

  // One read at a time: a check that finds a read in flight waits for it rather than repeating it.
  #catchUp(): Promise<void> {
    this.#catchingUp ??= (this.#loaded ? this.#readNew() : this.#reload()).finally(() => {
      this.#catchingUp = undefined
    })
    return this.#catchingUp
  }

  async #readNew(): Promise<void> {
    for (const entry of await this.#source.fleetEntries(this.#maxId)) {
      this.#maxId = Math.max(this.#maxId, entry.id)
      const holder = holderOf(entry)
      if (holder !== undefined) this.#hold(`id:${entry.id}`, holder)
    }
  }

  /** Everything from the store again, keeping the reservations of adds in flight. */
  async #reload(): Promise<void> {
    const generation = this.#generation
    const entries = await this.#source.fleetEntries()
    const held = [...this.#holders].filter(([key]) => key.startsWith('add:'))
    this.#holders.clear()
    for (const [key, holder] of held) this.#holders.set(key, holder)
    let maxId = 0
    for (const entry of entries) {
      maxId = Math.max(maxId, entry.id)
      const holder = holderOf(entry)
      if (holder !== undefined) this.#holders.set(`id:${entry.id}`, holder)
    }
    const all = [...this.#holders]
    this.#ranges = FleetIndex.from(all.map(([owner, h]) => ({ owner, ranges: [h.range] })))
    this.#subnets = FleetIndex.from(all.map(([owner, h]) => ({ owner, ranges: [h.subnetRange] })))
    this.#maxId = maxId
    this.#loaded = generation === this.#generation
  }
}
