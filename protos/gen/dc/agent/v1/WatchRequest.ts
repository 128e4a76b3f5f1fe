// Original file: dc/agent/v1/agent.proto


/**
 * Open a status stream.
 */
export interface WatchRequest {
  /**
   * Interval between heartbeats; absent uses the agent's `--heartbeat-interval-ms`.
   */
  'heartbeat_interval_ms'?: (number);
  '_heartbeat_interval_ms'?: "heartbeat_interval_ms";
}

/**
 * Open a status stream.
 */
export interface WatchRequest__Output {
  /**
   * Interval between heartbeats; absent uses the agent's `--heartbeat-interval-ms`.
   */
  'heartbeat_interval_ms'?: (number);
  '_heartbeat_interval_ms'?: "heartbeat_interval_ms";
}
