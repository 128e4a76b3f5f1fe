// Original file: dc/platform/v1/platform.proto

import type { AddressPool as _dc_platform_v1_AddressPool, AddressPool__Output as _dc_platform_v1_AddressPool__Output } from '../../../dc/platform/v1/AddressPool.js';

/**
 * Pools, ordered by id unless filtered by network type.
 */
export interface ListAddressPoolsResponse {
  /**
   * The pools.
   */
  'address_pools'?: (_dc_platform_v1_AddressPool)[];
}

/**
 * Pools, ordered by id unless filtered by network type.
 */
export interface ListAddressPoolsResponse__Output {
  /**
   * The pools.
   */
  'address_pools': (_dc_platform_v1_AddressPool__Output)[];
}
