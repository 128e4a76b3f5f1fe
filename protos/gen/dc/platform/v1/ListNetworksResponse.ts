// Original file: dc/platform/v1/platform.proto

import type { Network as _dc_platform_v1_Network, Network__Output as _dc_platform_v1_Network__Output } from '../../../dc/platform/v1/Network.js';

/**
 * Networks, ordered by id.
 */
export interface ListNetworksResponse {
  /**
   * The networks.
   */
  'networks'?: (_dc_platform_v1_Network)[];
}

/**
 * Networks, ordered by id.
 */
export interface ListNetworksResponse__Output {
  /**
   * The networks.
   */
  'networks': (_dc_platform_v1_Network__Output)[];
}
