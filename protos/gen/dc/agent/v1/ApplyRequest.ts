// Original file: dc/agent/v1/agent.proto

import type { Command as _dc_platform_v1_Command, Command__Output as _dc_platform_v1_Command__Output } from '../../../dc/platform/v1/Command.js';
import type { Long } from '@grpc/proto-loader';

/**
 * Apply a change: all commands or none.
 */
export interface ApplyRequest {
  /**
   * Commands applied in sequence on a copy of the state; the first rejection rejects the change.
   */
  'commands'?: (_dc_platform_v1_Command)[];
  /**
   * Caller-chosen id of the change; a retry with the same id returns the first result (replayed).
   */
  'change_id'?: (string);
  /**
   * When present, the change is refused with FAILED_PRECONDITION unless the state's generation equals it.
   */
  'expected_generation'?: (number | string | Long);
  /**
   * Caller's controller epoch (see fencing above).
   */
  'epoch'?: (number | string | Long);
  /**
   * Caller's controller id.
   */
  'controller_id'?: (string);
  '_expected_generation'?: "expected_generation";
}

/**
 * Apply a change: all commands or none.
 */
export interface ApplyRequest__Output {
  /**
   * Commands applied in sequence on a copy of the state; the first rejection rejects the change.
   */
  'commands': (_dc_platform_v1_Command__Output)[];
  /**
   * Caller-chosen id of the change; a retry with the same id returns the first result (replayed).
   */
  'change_id': (string);
  /**
   * When present, the change is refused with FAILED_PRECONDITION unless the state's generation equals it.
   */
  'expected_generation'?: (string);
  /**
   * Caller's controller epoch (see fencing above).
   */
  'epoch': (string);
  /**
   * Caller's controller id.
   */
  'controller_id': (string);
  '_expected_generation'?: "expected_generation";
}
