import type { MemberFailure } from './geo-event.js'
import type { AssociationSyncStatus, AssociationType } from './geo-states.js'

/** What a peer group association is created with (spec distcloud 4.3). */
export interface PeerGroupAssociationFields {
  readonly peerGroupId: number
  readonly systemPeerId: number
  readonly associationType: AssociationType
  /** The priority the group gets on the peer (non-zero); 0 on a non-primary association. */
  readonly peerGroupPriority: number
  readonly syncStatus: AssociationSyncStatus
  readonly syncMessage: string
}

/** An association, with the link's bookkeeping its sync status follows from. */
export interface PeerGroupAssociation extends PeerGroupAssociationFields {
  readonly id: number
  /** Stream sequence of the last event published to the peer for this group (0: none yet). */
  readonly publishedSeq: number
  /** Highest sequence of this site's stream the peer reported applied. */
  readonly ackedSeq: number
  /** A change is recorded that could not be published yet (NATS unreachable): republished later. */
  readonly pending: boolean
  /** Members that could not be applied: by the peer (on the leading site) or here (on the other). */
  readonly failures: readonly MemberFailure[]
  readonly createdAt: Date
  readonly updatedAt: Date
}

/** The fields a change of an association may set. */
export type AssociationChange = Partial<
  Pick<
    PeerGroupAssociation,
    'peerGroupPriority' | 'syncStatus' | 'syncMessage' | 'publishedSeq' | 'ackedSeq' | 'pending' | 'failures'
  >
>

/** Which associations a listing returns. */
export interface AssociationFilter {
  readonly peerGroupId?: number
  readonly systemPeerId?: number
}
