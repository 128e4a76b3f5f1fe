// Original file: dc/agent/v1/agent.proto

import type { Long } from '@grpc/proto-loader';

/**
 * Calls served on one local listen address.
 */
export interface AddressCalls {
  /**
   * The local listen address as `host:port` (IPv6 bracketed).
   */
  'local_address'?: (string);
  /**
   * RPCs served on it since the agent started, every service included.
   */
  'calls'?: (number | string | Long);
}

/**
 * Calls served on one local listen address.
 */
export interface AddressCalls__Output {
  /**
   * The local listen address as `host:port` (IPv6 bracketed).
   */
  'local_address': (string);
  /**
   * RPCs served on it since the agent started, every service included.
   */
  'calls': (string);
}
