// Original file: dc/platform/v1/platform.proto

import type { AddressRange as _dc_platform_v1_AddressRange, AddressRange__Output as _dc_platform_v1_AddressRange__Output } from '../../../dc/platform/v1/AddressRange.js';

/**
 * `system addrpool-add`.
 */
export interface AddrPoolAdd {
  /**
   * uuid for the new pool; absent lets the server derive one.
   */
  'uuid'?: (string);
  /**
   * Unique pool name.
   */
  'name'?: (string);
  /**
   * Network address of the subnet.
   */
  'network'?: (string);
  /**
   * Prefix length.
   */
  'prefix'?: (number);
  /**
   * random | sequential; absent means random.
   */
  'order'?: (string);
  /**
   * Allocation ranges; empty means the StarlingX default `[subnet[1], subnet[-2]]`.
   */
  'ranges'?: (_dc_platform_v1_AddressRange)[];
  /**
   * Floating address; absent leaves it unset.
   */
  'floating_address'?: (string);
  /**
   * controller-0 address; absent leaves it unset.
   */
  'controller0_address'?: (string);
  /**
   * controller-1 address; absent leaves it unset.
   */
  'controller1_address'?: (string);
  /**
   * Gateway address; absent leaves it unset.
   */
  'gateway_address'?: (string);
  '_uuid'?: "uuid";
  '_order'?: "order";
  '_floating_address'?: "floating_address";
  '_controller0_address'?: "controller0_address";
  '_controller1_address'?: "controller1_address";
  '_gateway_address'?: "gateway_address";
}

/**
 * `system addrpool-add`.
 */
export interface AddrPoolAdd__Output {
  /**
   * uuid for the new pool; absent lets the server derive one.
   */
  'uuid'?: (string);
  /**
   * Unique pool name.
   */
  'name': (string);
  /**
   * Network address of the subnet.
   */
  'network': (string);
  /**
   * Prefix length.
   */
  'prefix': (number);
  /**
   * random | sequential; absent means random.
   */
  'order'?: (string);
  /**
   * Allocation ranges; empty means the StarlingX default `[subnet[1], subnet[-2]]`.
   */
  'ranges': (_dc_platform_v1_AddressRange__Output)[];
  /**
   * Floating address; absent leaves it unset.
   */
  'floating_address'?: (string);
  /**
   * controller-0 address; absent leaves it unset.
   */
  'controller0_address'?: (string);
  /**
   * controller-1 address; absent leaves it unset.
   */
  'controller1_address'?: (string);
  /**
   * Gateway address; absent leaves it unset.
   */
  'gateway_address'?: (string);
  '_uuid'?: "uuid";
  '_order'?: "order";
  '_floating_address'?: "floating_address";
  '_controller0_address'?: "controller0_address";
  '_controller1_address'?: "controller1_address";
  '_gateway_address'?: "gateway_address";
}
