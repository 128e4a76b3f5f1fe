import type {
  PeerGroupChange,
  PeerGroupCounts,
  SubcloudPeerGroup,
  SubcloudPeerGroupFields,
} from '../geo/subcloud-peer-group.js'
import type { Decision, InsertResult, MutationResult } from './mutation.js'

/** Subcloud peer groups, found by name, uuid or decimal id (in that order of preference). */
export interface PeerGroupStore {
  list(): Promise<SubcloudPeerGroup[]>
  find(ref: string): Promise<SubcloudPeerGroup | undefined>
  /** The group both sites know by `uuid` (events and ownership records name it so). */
  findByUuid(uuid: string): Promise<SubcloudPeerGroup | undefined>
  /** `taken` when the name or uuid is. */
  insert(fields: SubcloudPeerGroupFields): Promise<InsertResult<SubcloudPeerGroup>>
  /**
   * Read the group under a row lock with its member and association counts (those rows locked
   * too, so none joins between the count and a delete), decide, apply.
   */
  mutate(
    ref: string,
    decide: (current: SubcloudPeerGroup, counts: PeerGroupCounts) => Decision<PeerGroupChange>,
  ): Promise<MutationResult<SubcloudPeerGroup>>
  /**
   * Change a group regardless of its current state (a leader seen in the ownership bucket, the
   * progress of a migrate); undefined when it is gone.
   */
  set(id: number, change: PeerGroupChange): Promise<SubcloudPeerGroup | undefined>
}
