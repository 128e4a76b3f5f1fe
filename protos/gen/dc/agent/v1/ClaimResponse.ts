// Original file: dc/agent/v1/agent.proto

import type { Long } from '@grpc/proto-loader';

/**
 * The ownership now in force.
 */
export interface ClaimResponse {
  /**
   * Epoch held.
   */
  'epoch'?: (number | string | Long);
  /**
   * Controller holding it.
   */
  'controller_id'?: (string);
}

/**
 * The ownership now in force.
 */
export interface ClaimResponse__Output {
  /**
   * Epoch held.
   */
  'epoch': (string);
  /**
   * Controller holding it.
   */
  'controller_id': (string);
}
