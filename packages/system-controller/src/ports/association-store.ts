import type {
  AssociationChange,
  AssociationFilter,
  PeerGroupAssociation,
  PeerGroupAssociationFields,
} from '../geo/peer-group-association.js'
import type { Decision, InsertResult, MutationResult } from './mutation.js'

/** Peer group associations, found by decimal id. */
export interface AssociationStore {
  /** By id, of one group and/or one peer. */
  list(filter?: AssociationFilter): Promise<PeerGroupAssociation[]>
  /** By decimal id; undefined for anything else. */
  find(ref: string): Promise<PeerGroupAssociation | undefined>
  /** `taken` when the group already has an association with that peer. */
  insert(fields: PeerGroupAssociationFields): Promise<InsertResult<PeerGroupAssociation>>
  /** Read under a row lock, decide, apply in the same transaction. */
  mutate(
    id: number,
    decide: (current: PeerGroupAssociation) => Decision<AssociationChange>,
  ): Promise<MutationResult<PeerGroupAssociation>>
}
