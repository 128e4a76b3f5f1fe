// Original file: dc/platform/v1/platform.proto

import type { CommandResult as _dc_platform_v1_CommandResult, CommandResult__Output as _dc_platform_v1_CommandResult__Output } from '../../../dc/platform/v1/CommandResult.js';
import type { Long } from '@grpc/proto-loader';

/**
 * What the commands would do; nothing is changed.
 */
export interface PlanResponse {
  /**
   * One result per evaluated command, in order. Evaluation stops at the first rejected command,
   * which is the last result; later commands are not evaluated.
   */
  'results'?: (_dc_platform_v1_CommandResult)[];
  /**
   * True when every command would apply.
   */
  'accepted'?: (boolean);
  /**
   * Current generation of the state the plan was evaluated against.
   */
  'base_generation'?: (number | string | Long);
  /**
   * Generation the state would reach if the whole plan were applied (equals base_generation when rejected).
   */
  'generation'?: (number | string | Long);
}

/**
 * What the commands would do; nothing is changed.
 */
export interface PlanResponse__Output {
  /**
   * One result per evaluated command, in order. Evaluation stops at the first rejected command,
   * which is the last result; later commands are not evaluated.
   */
  'results': (_dc_platform_v1_CommandResult__Output)[];
  /**
   * True when every command would apply.
   */
  'accepted': (boolean);
  /**
   * Current generation of the state the plan was evaluated against.
   */
  'base_generation': (string);
  /**
   * Generation the state would reach if the whole plan were applied (equals base_generation when rejected).
   */
  'generation': (string);
}
