// Original file: dc/platform/v1/platform.proto

import type { Host as _dc_platform_v1_Host, Host__Output as _dc_platform_v1_Host__Output } from '../../../dc/platform/v1/Host.js';
import type { Effect as _dc_platform_v1_Effect, Effect__Output as _dc_platform_v1_Effect__Output } from '../../../dc/platform/v1/Effect.js';
import type { Long } from '@grpc/proto-loader';

/**
 * Result of a host action.
 */
export interface HostMutation {
  /**
   * The host after the action.
   */
  'host'?: (_dc_platform_v1_Host | null);
  /**
   * Effects of the action.
   */
  'effects'?: (_dc_platform_v1_Effect)[];
  /**
   * Generation of the state after the action.
   */
  'generation'?: (number | string | Long);
}

/**
 * Result of a host action.
 */
export interface HostMutation__Output {
  /**
   * The host after the action.
   */
  'host': (_dc_platform_v1_Host__Output | null);
  /**
   * Effects of the action.
   */
  'effects': (_dc_platform_v1_Effect__Output)[];
  /**
   * Generation of the state after the action.
   */
  'generation': (string);
}
