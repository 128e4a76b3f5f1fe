import type { PeerAvailability } from '../geo/geo-states.js'
import type { SystemPeer, SystemPeerFields } from '../geo/system-peer.js'
import type { Decision, InsertResult, MutationResult } from './mutation.js'

/** System peers, found by name, uuid or decimal id (in that order of preference). */
export interface SystemPeerStore {
  list(): Promise<SystemPeer[]>
  find(ref: string): Promise<SystemPeer | undefined>
  /** A new peer is `created` until its first heartbeat; `taken` when its name or uuid is. */
  insert(fields: SystemPeerFields): Promise<InsertResult<SystemPeer>>
  /**
   * Read the peer under a row lock with the number of associations naming it (locked too, so none
   * is added between the count and a delete), decide, apply.
   */
  mutate(
    ref: string,
    decide: (current: SystemPeer, associations: number) => Decision<Partial<SystemPeerFields>>,
  ): Promise<MutationResult<SystemPeer>>
  /** What the peer monitor saw of the peer's heartbeats. */
  setAvailability(id: number, availability: PeerAvailability): Promise<void>
}
