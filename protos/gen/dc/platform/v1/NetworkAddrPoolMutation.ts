// Original file: dc/platform/v1/platform.proto

import type { NetworkAddrPool as _dc_platform_v1_NetworkAddrPool, NetworkAddrPool__Output as _dc_platform_v1_NetworkAddrPool__Output } from '../../../dc/platform/v1/NetworkAddrPool.js';
import type { Effect as _dc_platform_v1_Effect, Effect__Output as _dc_platform_v1_Effect__Output } from '../../../dc/platform/v1/Effect.js';
import type { Long } from '@grpc/proto-loader';

/**
 * Result of an association mutation.
 */
export interface NetworkAddrPoolMutation {
  /**
   * The association as created, or as it was before removal.
   */
  'network_addrpool'?: (_dc_platform_v1_NetworkAddrPool | null);
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
 * Result of an association mutation.
 */
export interface NetworkAddrPoolMutation__Output {
  /**
   * The association as created, or as it was before removal.
   */
  'network_addrpool': (_dc_platform_v1_NetworkAddrPool__Output | null);
  /**
   * Effects of the change.
   */
  'effects': (_dc_platform_v1_Effect__Output)[];
  /**
   * Generation of the state after the change.
   */
  'generation': (string);
}
