// Original file: dc/platform/v1/platform.proto

import type { AddressPool as _dc_platform_v1_AddressPool, AddressPool__Output as _dc_platform_v1_AddressPool__Output } from '../../../dc/platform/v1/AddressPool.js';
import type { Effect as _dc_platform_v1_Effect, Effect__Output as _dc_platform_v1_Effect__Output } from '../../../dc/platform/v1/Effect.js';
import type { Long } from '@grpc/proto-loader';

/**
 * Result of an address pool mutation.
 */
export interface AddressPoolMutation {
  /**
   * The pool as added or modified, or as it was before deletion.
   */
  'address_pool'?: (_dc_platform_v1_AddressPool | null);
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
 * Result of an address pool mutation.
 */
export interface AddressPoolMutation__Output {
  /**
   * The pool as added or modified, or as it was before deletion.
   */
  'address_pool': (_dc_platform_v1_AddressPool__Output | null);
  /**
   * Effects of the change.
   */
  'effects': (_dc_platform_v1_Effect__Output)[];
  /**
   * Generation of the state after the change.
   */
  'generation': (string);
}
