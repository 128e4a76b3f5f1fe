/** What the peer monitor knows about one peer's heartbeats. */
export interface PeerHeartbeatState {
  /** When the last heartbeat arrived, or when monitoring began if none has. */
  readonly lastSeenAtMs: number
  readonly intervalMs: number
  readonly failureThreshold: number
}

/**
 * Missed heartbeats are whole intervals elapsed since the last one arrived, so the count never
 * depends on how the monitor's ticks line up with the peer's sends. The peer has failed once the
 * misses reach the threshold (spec distcloud 4.1 heartbeat_failure_threshold).
 */
export function peerHealth(state: PeerHeartbeatState, nowMs: number): { misses: number; failed: boolean } {
  const misses = Math.max(0, Math.floor((nowMs - state.lastSeenAtMs) / state.intervalMs))
  return { misses, failed: misses >= state.failureThreshold }
}
