import { MalformedGeoMessageError, OwnershipConflictError } from '../errors.js'
import { decodeOwnership, encodeOwnership } from './geo-codec.js'
import type { Ownership } from './geo-event.js'
import type { BusSubscription, KvEntry, PeerBus } from './peer-bus.js'

function decode(entry: KvEntry): Ownership | undefined {
  try {
    return decodeOwnership(entry.value)
  } catch (err) {
    if (err instanceof MalformedGeoMessageError) return undefined
    throw err
  }
}

/**
 * Peer group ownership in the shared KV bucket: one key per group uuid holding a
 * `dc.geo.v1.Ownership` (leader and epoch).
 * It only ever changes by compare-and-set on the revision read, and every change raises the epoch,
 * so of two controllers racing to take a group exactly one wins, and the agents of its members
 * (which refuse a lower epoch) obey only the winner.
 */
export class OwnershipBucket {
  readonly #bus: PeerBus

  constructor(bus: PeerBus) {
    this.#bus = bus
  }

  async read(groupUuid: string): Promise<{ ownership: Ownership; revision: number } | undefined> {
    const entry = await this.#bus.kvGet(groupUuid)
    const ownership = entry === undefined ? undefined : decode(entry)
    return entry === undefined || ownership === undefined
      ? undefined
      : { ownership, revision: entry.revision }
  }

  /** Record `initial` unless the group already has an owner; resolves with the owner either way. */
  async register(groupUuid: string, initial: Ownership): Promise<Ownership> {
    for (;;) {
      const current = await this.read(groupUuid)
      if (current !== undefined) return current.ownership
      if ((await this.#bus.kvCreate(groupUuid, encodeOwnership(initial))) !== 'exists') return initial
    }
  }

  /**
   * Make `site` the leader at the next epoch (at least `floorEpoch + 1`), by compare-and-set on what
   * was read. Throws {@link OwnershipConflictError} when another controller changed it in between.
   */
  async take(
    groupUuid: string,
    groupName: string,
    site: string,
    siteName: string,
    floorEpoch: number,
  ): Promise<Ownership> {
    const current = await this.read(groupUuid)
    const next: Ownership = {
      leader: site,
      leaderName: siteName,
      epoch: Math.max(current?.ownership.epoch ?? 0, floorEpoch) + 1,
    }
    const written =
      current === undefined
        ? await this.#bus.kvCreate(groupUuid, encodeOwnership(next))
        : await this.#bus.kvUpdate(groupUuid, encodeOwnership(next), current.revision)
    if (written === 'exists' || written === 'conflict') throw new OwnershipConflictError(groupName)
    return next
  }

  /** Every ownership change (current values first); malformed values are skipped. */
  watch(onChange: (groupUuid: string, ownership: Ownership) => void): BusSubscription {
    return this.#bus.kvWatch((key, entry) => {
      const ownership = decode(entry)
      if (ownership !== undefined) onChange(key, ownership)
    })
  }
}
