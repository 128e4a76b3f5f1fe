import type { Availability } from './audit-store.js'

/** Availability as the two-strike rule tracks it. */
export interface AvailabilityState {
  readonly availability: Availability
  /** Consecutive failed audits (missed heartbeat intervals); 0 after any success. */
  readonly auditFailCount: number
}

/**
 * What the audit learned about a subcloud: a message from the agent (`success`), one heartbeat
 * interval without any (`miss`), or proof that nothing listens on the agent's address: every quick
 * attempt to re-open its broken stream was refused (`unreachable`).
 */
export type AuditOutcome = 'success' | 'miss' | 'unreachable'

/** StarlingX caps `audit_fail_count` so a long-dead subcloud never overflows the column. */
export const MAX_AUDIT_FAIL_COUNT = 9999

/**
 * StarlingX's two-strike rule (spec/distcloud.md 1.4): one success means online with the count
 * reset; an online subcloud goes offline only when `offlineAfterMisses` consecutive intervals
 * failed, so a single lost heartbeat never flaps it.
 *
 * `unreachable` takes it offline at once, with the count raised to the threshold. This does not
 * bring back the flapping StarlingX fixed by going from one strike to two (LP#1927007): there a
 * single audit that timed out (an haproxy restart, a slow answer) was taken as the verdict, and a
 * late answer proves nothing. A refused connection on every attempt over a retry window is no
 * missing answer but an answer: no process listens on the agent's port. A late heartbeat on an
 * open stream still counts only as a miss.
 */
export function nextAvailability(
  state: AvailabilityState,
  outcome: AuditOutcome,
  offlineAfterMisses: number,
): AvailabilityState {
  if (outcome === 'success') return { availability: 'online', auditFailCount: 0 }
  const strikes =
    outcome === 'unreachable'
      ? Math.max(state.auditFailCount + 1, offlineAfterMisses)
      : state.auditFailCount + 1
  const auditFailCount = Math.min(strikes, MAX_AUDIT_FAIL_COUNT)
  const availability = auditFailCount >= offlineAfterMisses ? 'offline' : state.availability
  return { availability, auditFailCount }
}
