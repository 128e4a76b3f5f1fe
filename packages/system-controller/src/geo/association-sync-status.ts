import type { MemberFailure } from './geo-event.js'
import type { AssociationSyncStatus, PeerAvailability } from './geo-states.js'

/** Everything an association's sync status follows from. */
export interface AssociationSyncInput {
  /** Whether this site leads the group (sends its changes) or holds copies (applies the peer's). */
  readonly role: 'sender' | 'receiver'
  /** False without `--nats-url`: nothing can be sent or received. */
  readonly linkConfigured: boolean
  readonly peerName: string
  readonly peerAvailability: PeerAvailability
  /** False when the peer's heartbeat shows it has no system peer for this site (it cannot consume us). */
  readonly peerKnowsUs: boolean
  readonly publishedSeq: number
  readonly ackedSeq: number
  /** A change is recorded but not yet published. */
  readonly pending: boolean
  /** Members that could not be applied: by the peer (sender) or here (receiver). */
  readonly failures: readonly MemberFailure[]
}

export interface AssociationSync {
  readonly status: AssociationSyncStatus
  readonly message: string
}

function describeFailures(failures: readonly MemberFailure[]): string {
  return failures.map((f) => `${f.subcloud}: ${f.error}`).join('; ')
}

/**
 * The sync status of a peer group association, derived rather than set by hand: a sender is
 * in-sync when the peer acknowledged applying everything published to it, syncing while an
 * acknowledgement is outstanding, out-of-sync while a change waits to be published, failed when
 * the peer could not apply members or cannot consume this site at all. While the peer is
 * unavailable the sender maps as spec distcloud 4.5 does: what was in-sync becomes unknown,
 * anything else failed. A receiver is in-sync unless it failed to apply members.
 */
export function associationSyncStatus(input: AssociationSyncInput): AssociationSync {
  if (!input.linkConfigured) {
    return { status: 'unknown', message: 'no NATS link configured (dc-controller --nats-url)' }
  }
  if (input.role === 'receiver') {
    return input.failures.length > 0
      ? { status: 'failed', message: `could not apply: ${describeFailures(input.failures)}` }
      : { status: 'in-sync', message: '' }
  }
  const caughtUp = !input.pending && input.ackedSeq >= input.publishedSeq
  if (input.peerAvailability === 'unavailable') {
    return caughtUp
      ? { status: 'unknown', message: `peer ${input.peerName} is unavailable` }
      : { status: 'failed', message: `peer ${input.peerName} is unavailable with changes not yet applied` }
  }
  if (!input.peerKnowsUs) {
    return {
      status: 'failed',
      message: `peer ${input.peerName} has no system peer for this site; add one there`,
    }
  }
  if (input.failures.length > 0) {
    return {
      status: 'failed',
      message: `peer ${input.peerName} could not apply: ${describeFailures(input.failures)}`,
    }
  }
  if (input.pending) return { status: 'out-of-sync', message: 'changes waiting to be published' }
  if (caughtUp) return { status: 'in-sync', message: '' }
  return {
    status: 'syncing',
    message: `peer ${input.peerName} applied up to ${input.ackedSeq} of ${input.publishedSeq}`,
  }
}
