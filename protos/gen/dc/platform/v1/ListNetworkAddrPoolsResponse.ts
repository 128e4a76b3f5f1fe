// Original file: dc/platform/v1/platform.proto

import type { NetworkAddrPool as _dc_platform_v1_NetworkAddrPool, NetworkAddrPool__Output as _dc_platform_v1_NetworkAddrPool__Output } from '../../../dc/platform/v1/NetworkAddrPool.js';

/**
 * Associations, ordered by id.
 */
export interface ListNetworkAddrPoolsResponse {
  /**
   * The associations.
   */
  'network_addrpools'?: (_dc_platform_v1_NetworkAddrPool)[];
}

/**
 * Associations, ordered by id.
 */
export interface ListNetworkAddrPoolsResponse__Output {
  /**
   * The associations.
   */
  'network_addrpools': (_dc_platform_v1_NetworkAddrPool__Output)[];
}
