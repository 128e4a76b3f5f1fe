// Original file: dc/agent/v1/agent.proto

import type { Heartbeat as _dc_agent_v1_Heartbeat, Heartbeat__Output as _dc_agent_v1_Heartbeat__Output } from '../../../dc/agent/v1/Heartbeat.js';
import type { StateSummary as _dc_agent_v1_StateSummary, StateSummary__Output as _dc_agent_v1_StateSummary__Output } from '../../../dc/agent/v1/StateSummary.js';

/**
 * One event of the Watch stream. The first event is always a status with the current state;
 * afterwards a status follows every change and a heartbeat every interval.
 */
export interface WatchEvent {
  /**
   * Liveness tick.
   */
  'heartbeat'?: (_dc_agent_v1_Heartbeat | null);
  /**
   * Current state.
   */
  'status'?: (_dc_agent_v1_StateSummary | null);
  /**
   * Exactly one is set.
   */
  'event'?: "heartbeat"|"status";
}

/**
 * One event of the Watch stream. The first event is always a status with the current state;
 * afterwards a status follows every change and a heartbeat every interval.
 */
export interface WatchEvent__Output {
  /**
   * Liveness tick.
   */
  'heartbeat'?: (_dc_agent_v1_Heartbeat__Output | null);
  /**
   * Current state.
   */
  'status'?: (_dc_agent_v1_StateSummary__Output | null);
  /**
   * Exactly one is set.
   */
  'event'?: "heartbeat"|"status";
}
