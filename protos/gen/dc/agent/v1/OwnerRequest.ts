// Original file: dc/agent/v1/agent.proto

import type { Long } from '@grpc/proto-loader';

/**
 * The caller of a fenced call that carries nothing else.
 */
export interface OwnerRequest {
  /**
   * Caller's controller epoch (see fencing above).
   */
  'epoch'?: (number | string | Long);
  /**
   * Caller's controller id.
   */
  'controller_id'?: (string);
}

/**
 * The caller of a fenced call that carries nothing else.
 */
export interface OwnerRequest__Output {
  /**
   * Caller's controller epoch (see fencing above).
   */
  'epoch': (string);
  /**
   * Caller's controller id.
   */
  'controller_id': (string);
}
