// Original file: dc/platform/v1/platform.proto

import type { CommandEffects as _dc_platform_v1_CommandEffects, CommandEffects__Output as _dc_platform_v1_CommandEffects__Output } from '../../../dc/platform/v1/CommandEffects.js';
import type { CommandError as _dc_platform_v1_CommandError, CommandError__Output as _dc_platform_v1_CommandError__Output } from '../../../dc/platform/v1/CommandError.js';

/**
 * Outcome of one command in a plan.
 */
export interface CommandResult {
  /**
   * Position of the command in the request.
   */
  'index'?: (number);
  /**
   * The command would apply, with these effects.
   */
  'applied'?: (_dc_platform_v1_CommandEffects | null);
  /**
   * The command would be rejected.
   */
  'rejected'?: (_dc_platform_v1_CommandError | null);
  /**
   * Exactly one is set.
   */
  'outcome'?: "applied"|"rejected";
}

/**
 * Outcome of one command in a plan.
 */
export interface CommandResult__Output {
  /**
   * Position of the command in the request.
   */
  'index': (number);
  /**
   * The command would apply, with these effects.
   */
  'applied'?: (_dc_platform_v1_CommandEffects__Output | null);
  /**
   * The command would be rejected.
   */
  'rejected'?: (_dc_platform_v1_CommandError__Output | null);
  /**
   * Exactly one is set.
   */
  'outcome'?: "applied"|"rejected";
}
