// Original file: dc/platform/v1/platform.proto

import type { Command as _dc_platform_v1_Command, Command__Output as _dc_platform_v1_Command__Output } from '../../../dc/platform/v1/Command.js';

/**
 * Dry run of commands applied in sequence, as one change would apply them.
 */
export interface PlanRequest {
  /**
   * The commands, in order.
   */
  'commands'?: (_dc_platform_v1_Command)[];
}

/**
 * Dry run of commands applied in sequence, as one change would apply them.
 */
export interface PlanRequest__Output {
  /**
   * The commands, in order.
   */
  'commands': (_dc_platform_v1_Command__Output)[];
}
