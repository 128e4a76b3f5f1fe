// Original file: dc/platform/v1/platform.proto

import type { Network as _dc_platform_v1_Network, Network__Output as _dc_platform_v1_Network__Output } from '../../../dc/platform/v1/Network.js';
import type { Effect as _dc_platform_v1_Effect, Effect__Output as _dc_platform_v1_Effect__Output } from '../../../dc/platform/v1/Effect.js';
import type { Long } from '@grpc/proto-loader';

/**
 * Result of a network mutation.
 */
export interface NetworkMutation {
  /**
   * The network as added, or as it was before deletion.
   */
  'network'?: (_dc_platform_v1_Network | null);
  /**
   * Effects of the change.
   */
  'effects'?: (_dc_platform_v1_Effect)[];
  /**
   * Generation of the state after the change.
   */
  'generation'?: (number | string | Long);
}

/**
 * Result of a network mutation.
 */
export interface NetworkMutation__Output {
  /**
   * The network as added, or as it was before deletion.
   */
  'network': (_dc_platform_v1_Network__Output | null);
  /**
   * Effects of the change.
   */
  'effects': (_dc_platform_v1_Effect__Output)[];
  /**
   * Generation of the state after the change.
   */
  'generation': (string);
}
