// Original file: dc/platform/v1/platform.proto

import type { AddressRangeList as _dc_platform_v1_AddressRangeList, AddressRangeList__Output as _dc_platform_v1_AddressRangeList__Output } from '../../../dc/platform/v1/AddressRangeList.js';
import type { AddressUpdate as _dc_platform_v1_AddressUpdate, AddressUpdate__Output as _dc_platform_v1_AddressUpdate__Output } from '../../../dc/platform/v1/AddressUpdate.js';

/**
 * `system addrpool-modify` with `replace` semantics: absent fields stay as they are.
 */
export interface AddrPoolModify {
  /**
   * Pool name or uuid.
   */
  'pool'?: (string);
  /**
   * New name.
   */
  'name'?: (string);
  /**
   * New network address.
   */
  'network'?: (string);
  /**
   * New prefix length.
   */
  'prefix'?: (number);
  /**
   * New order: random | sequential.
   */
  'order'?: (string);
  /**
   * New ranges, replacing all of them.
   */
  'ranges'?: (_dc_platform_v1_AddressRangeList | null);
  /**
   * New floating address, or clear it.
   */
  'floating_address'?: (_dc_platform_v1_AddressUpdate | null);
  /**
   * New controller-0 address, or clear it.
   */
  'controller0_address'?: (_dc_platform_v1_AddressUpdate | null);
  /**
   * New controller-1 address, or clear it.
   */
  'controller1_address'?: (_dc_platform_v1_AddressUpdate | null);
  /**
   * New gateway address, or clear it.
   */
  'gateway_address'?: (_dc_platform_v1_AddressUpdate | null);
  '_name'?: "name";
  '_network'?: "network";
  '_prefix'?: "prefix";
  '_order'?: "order";
}

/**
 * `system addrpool-modify` with `replace` semantics: absent fields stay as they are.
 */
export interface AddrPoolModify__Output {
  /**
   * Pool name or uuid.
   */
  'pool': (string);
  /**
   * New name.
   */
  'name'?: (string);
  /**
   * New network address.
   */
  'network'?: (string);
  /**
   * New prefix length.
   */
  'prefix'?: (number);
  /**
   * New order: random | sequential.
   */
  'order'?: (string);
  /**
   * New ranges, replacing all of them.
   */
  'ranges': (_dc_platform_v1_AddressRangeList__Output | null);
  /**
   * New floating address, or clear it.
   */
  'floating_address': (_dc_platform_v1_AddressUpdate__Output | null);
  /**
   * New controller-0 address, or clear it.
   */
  'controller0_address': (_dc_platform_v1_AddressUpdate__Output | null);
  /**
   * New controller-1 address, or clear it.
   */
  'controller1_address': (_dc_platform_v1_AddressUpdate__Output | null);
  /**
   * New gateway address, or clear it.
   */
  'gateway_address': (_dc_platform_v1_AddressUpdate__Output | null);
  '_name'?: "name";
  '_network'?: "network";
  '_prefix'?: "prefix";
  '_order'?: "order";
}
