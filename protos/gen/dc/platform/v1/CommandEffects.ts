// Original file: dc/platform/v1/platform.proto

import type { Effect as _dc_platform_v1_Effect, Effect__Output as _dc_platform_v1_Effect__Output } from '../../../dc/platform/v1/Effect.js';

/**
 * Effects of one applied command.
 */
export interface CommandEffects {
  /**
   * Effects in the order netmodel reports them.
   */
  'effects'?: (_dc_platform_v1_Effect)[];
}

/**
 * Effects of one applied command.
 */
export interface CommandEffects__Output {
  /**
   * Effects in the order netmodel reports them.
   */
  'effects': (_dc_platform_v1_Effect__Output)[];
}
