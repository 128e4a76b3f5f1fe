import type { AssociationStore } from '../ports/association-store.js'
import { update } from '../ports/mutation.js'
import type { PeerGroupStore } from '../ports/peer-group-store.js'
import { associationSyncStatus } from './association-sync-status.js'
import type { MemberFailure } from './geo-event.js'
import type { LinkedPeers } from './linked-peers.js'
import type { AssociationFilter, PeerGroupAssociation } from './peer-group-association.js'

/** What a publish outcome changes in its association. */
export interface PublishOutcome {
  /** Some event could not be published. */
  readonly pending: boolean
  /** A full snapshot, ending with its `snapshot-end`, was among the events. */
  readonly snapshotEnded: boolean
}

/**
 * An association stays `pending` from a failed publish until a whole snapshot is published: a later
 * single event that goes through does not carry the one that was lost (a removal, say), and
 * publishes run concurrently, so their outcomes arrive in any order.
 */
export function afterPublish(
  current: Pick<PeerGroupAssociation, 'publishedSeq' | 'pending'>,
  lastSeq: number,
  outcome: PublishOutcome,
): { publishedSeq: number; pending: boolean; failures?: [] } {
  const settled = outcome.snapshotEnded && !outcome.pending
  return {
    publishedSeq: Math.max(current.publishedSeq, lastSeq),
    pending: outcome.pending || (current.pending && !settled),
    ...(settled ? { failures: [] } : {}),
  }
}

/** What the tracker works with. */
export interface SyncStatusTrackerDeps {
  /** This site's id on the link: a group it leads is one it sends, any other one it receives. */
  readonly siteId: string
  readonly associations: Pick<AssociationStore, 'list' | 'mutate'>
  readonly groups: Pick<PeerGroupStore, 'find' | 'findByUuid'>
  readonly peers: Pick<LinkedPeers, 'get'>
}

/** Which associations to recompute: of a group and/or a peer, or one by id. */
export type RecomputeFilter = AssociationFilter & { readonly id?: number }

/**
 * The sequence numbers each association's sync status follows from (published to the peer,
 * acknowledged by it, a change still pending) and the status itself, recomputed and stored when
 * what it follows from changes. Every method reads and writes associations: callers run them on
 * the link's queue, so two updates of one association never interleave.
 */
export class SyncStatusTracker {
  readonly #deps: SyncStatusTrackerDeps

  constructor(deps: SyncStatusTrackerDeps) {
    this.#deps = deps
  }

  /** Recompute the sync status of the associations matching `filter` and store what changed. */
  async recompute(filter: RecomputeFilter): Promise<void> {
    const { associations, groups, peers, siteId } = this.#deps
    const matching = (await associations.list(filter)).filter(
      (a) => filter.id === undefined || a.id === filter.id,
    )
    for (const a of matching) {
      const group = await groups.find(String(a.peerGroupId))
      const linked = peers.get(a.systemPeerId)
      if (group === undefined || linked === undefined) continue
      const sync = associationSyncStatus({
        role: group.leaderId === siteId ? 'sender' : 'receiver',
        linkConfigured: true,
        peerName: linked.peer.peerName,
        peerAvailability: linked.peer.availability,
        peerKnowsUs: linked.knowsUs,
        publishedSeq: a.publishedSeq,
        ackedSeq: a.ackedSeq,
        pending: a.pending,
        failures: a.failures,
      })
      if (sync.status !== a.syncStatus || sync.message !== a.syncMessage) {
        await associations.mutate(a.id, () => update({ syncStatus: sync.status, syncMessage: sync.message }))
      }
    }
  }

  /**
   * The peer applied this site's stream up to `upTo` (its heartbeat says so); with an ack, also
   * the members of that ack's group it could not apply.
   */
  async acked(
    peerId: number,
    upTo: number,
    ack?: { readonly groupUuid: string; readonly failures: readonly MemberFailure[] },
  ): Promise<void> {
    const { associations, groups } = this.#deps
    const group = ack === undefined ? undefined : await groups.findByUuid(ack.groupUuid)
    for (const a of await associations.list({ systemPeerId: peerId })) {
      const forGroup = group !== undefined && a.peerGroupId === group.id
      if (upTo <= a.ackedSeq && !forGroup) continue
      await associations.mutate(a.id, (current) =>
        update({
          ackedSeq: Math.max(current.ackedSeq, upTo),
          ...(forGroup ? { failures: ack?.failures ?? [] } : {}),
        }),
      )
    }
    await this.recompute({ systemPeerId: peerId })
  }

  /**
   * What publishing to one association did: the last sequence the stream stored, or `pending`
   * when publishing failed. A snapshot published whole clears the failures of the one before.
   */
  async published(associationId: number, lastSeq: number, outcome: PublishOutcome): Promise<void> {
    await this.#deps.associations.mutate(associationId, (current) =>
      update(afterPublish(current, lastSeq, outcome)),
    )
    await this.recompute({ id: associationId })
  }
}
