// Original file: dc/agent/v1/agent.proto

import type { Long } from '@grpc/proto-loader';

/**
 * Take or confirm ownership of the agent.
 */
export interface ClaimRequest {
  /**
   * Epoch to hold; must be higher than the current one, or equal with the same controller_id.
   */
  'epoch'?: (number | string | Long);
  /**
   * Claiming controller.
   */
  'controller_id'?: (string);
}

/**
 * Take or confirm ownership of the agent.
 */
export interface ClaimRequest__Output {
  /**
   * Epoch to hold; must be higher than the current one, or equal with the same controller_id.
   */
  'epoch': (string);
  /**
   * Claiming controller.
   */
  'controller_id': (string);
}
