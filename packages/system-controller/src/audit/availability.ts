import type { Availability } from './audit-store.js'

/** Availability as the two-strike rule tracks it. */
export interface AvailabilityState {
  readonly availability: Availability
  /** Consecutive failed audits (missed heartbeat intervals); 0 after any success. */
  readonly auditFailCount: number
}

/** What one heartbeat interval produced: a message from the agent, or nothing. */
export type AuditOutcome = 'success' | 'miss'

/** StarlingX caps `audit_fail_count` so a long-dead subcloud never overflows the column. */
export const MAX_AUDIT_FAIL_COUNT = 9999

/**
 * StarlingX's two-strike rule (spec/distcloud.md 1.4): one success means online with the count
 * reset; an online subcloud goes offline only when `offlineAfterMisses` consecutive intervals
 * failed, so a single lost heartbeat never flaps it.
 */
export function nextAvailability(
  state: AvailabilityState,
  outcome: AuditOutcome,
  offlineAfterMisses: number,
): AvailabilityState {
  if (outcome === 'success') return { availability: 'online', auditFailCount: 0 }
  const auditFailCount = Math.min(state.auditFailCount + 1, MAX_AUDIT_FAIL_COUNT)
  const availability = auditFailCount >= offlineAfterMisses ? 'offline' : state.availability
  return { availability, auditFailCount }
}
