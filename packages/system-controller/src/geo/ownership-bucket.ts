import { MalformedGeoMessageError, OwnershipConflictError, PeerLinkUnavailableError } from '../errors.js'
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
 * A write the bucket could not take: on a replicated bucket that is most often a server cut off
 * from the NATS majority, which is exactly when no site may change or keep ownership.
 */
async function written<T>(groupName: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write()
  } catch (err) {
    throw new PeerLinkUnavailableError(
      `the ownership of subcloud peer group ${groupName} cannot be written (no NATS majority reachable?): ` +
        (err instanceof Error ? err.message : String(err)),
      { cause: err },
    )
  }
}

function sameOwner(a: Ownership, b: Ownership): boolean {
  return a.leader === b.leader && a.epoch === b.epoch
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
   * was read. A write in between that only renewed the same owner is read again and retried; any
   * other change throws {@link OwnershipConflictError}.
   */
  async take(
    groupUuid: string,
    groupName: string,
    site: string,
    siteName: string,
    floorEpoch: number,
  ): Promise<Ownership> {
    for (;;) {
      const current = await written(groupName, () => this.read(groupUuid))
      const next: Ownership = {
        leader: site,
        leaderName: siteName,
        epoch: Math.max(current?.ownership.epoch ?? 0, floorEpoch) + 1,
      }
      try {
        await this.#put(groupUuid, groupName, next, current?.revision)
        return next
      } catch (err) {
        if (!(err instanceof OwnershipConflictError) || current === undefined) throw err
        const now = await written(groupName, () => this.read(groupUuid))
        if (now === undefined || !sameOwner(now.ownership, current.ownership)) throw err
      }
    }
  }

  /**
   * Write `held` again by compare-and-set while the bucket still holds it: on a replicated bucket
   * the write needs the NATS majority, so it proves this site may still lead. Resolves with what
   * the bucket holds, another owner's when that changed. Throws {@link OwnershipConflictError}
   * when it changed in between, `PeerLinkUnavailableError` when the bucket cannot be written.
   */
  async renew(groupUuid: string, groupName: string, held: Ownership): Promise<Ownership> {
    const current = await written(groupName, () => this.read(groupUuid))
    if (current !== undefined && !sameOwner(current.ownership, held)) return current.ownership
    await this.#put(groupUuid, groupName, held, current?.revision)
    return held
  }

  async #put(
    groupUuid: string,
    groupName: string,
    value: Ownership,
    revision: number | undefined,
  ): Promise<void> {
    const result = await written(groupName, () =>
      revision === undefined
        ? this.#bus.kvCreate(groupUuid, encodeOwnership(value))
        : this.#bus.kvUpdate(groupUuid, encodeOwnership(value), revision),
    )
    if (result === 'exists' || result === 'conflict') throw new OwnershipConflictError(groupName)
  }

  /** Every ownership change (current values first); malformed values are skipped. */
  watch(onChange: (groupUuid: string, ownership: Ownership) => void): BusSubscription {
    return this.#bus.kvWatch((key, entry) => {
      const ownership = decode(entry)
      if (ownership !== undefined) onChange(key, ownership)
    })
  }
}
