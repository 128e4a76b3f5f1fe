// Original file: dc/agent/v1/agent.proto

import type { Long } from '@grpc/proto-loader';

/**
 * Liveness tick on the Watch stream.
 */
export interface Heartbeat {
  /**
   * Heartbeats sent on this stream so far, starting at 1.
   */
  'sequence'?: (number | string | Long);
  /**
   * Generation of the state when sent, so a missed status is noticed.
   */
  'generation'?: (number | string | Long);
  /**
   * Agent wall-clock time when sent, milliseconds since the Unix epoch.
   */
  'sent_at_unix_ms'?: (number | string | Long);
}

/**
 * Liveness tick on the Watch stream.
 */
export interface Heartbeat__Output {
  /**
   * Heartbeats sent on this stream so far, starting at 1.
   */
  'sequence': (string);
  /**
   * Generation of the state when sent, so a missed status is noticed.
   */
  'generation': (string);
  /**
   * Agent wall-clock time when sent, milliseconds since the Unix epoch.
   */
  'sent_at_unix_ms': (string);
}
