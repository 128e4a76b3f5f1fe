// Original file: dc/platform/v1/platform.proto

import type { AddressRange as _dc_platform_v1_AddressRange, AddressRange__Output as _dc_platform_v1_AddressRange__Output } from '../../../dc/platform/v1/AddressRange.js';

/**
 * An address pool (`addrpool-list`, `addrpool-show`).
 */
export interface AddressPool {
  /**
   * Integer id.
   */
  'id'?: (number);
  /**
   * Row uuid.
   */
  'uuid'?: (string);
  /**
   * Unique name, e.g. `oam-ipv6`.
   */
  'name'?: (string);
  /**
   * Network address of the subnet, e.g. `fd00::` or `10.20.2.0`.
   */
  'network'?: (string);
  /**
   * Prefix length of the subnet.
   */
  'prefix'?: (number);
  /**
   * IPv4 | IPv6, derived from `network`.
   */
  'family'?: (string);
  /**
   * Allocation order: random | sequential.
   */
  'order'?: (string);
  /**
   * Allocation ranges, sorted by start address.
   */
  'ranges'?: (_dc_platform_v1_AddressRange)[];
  /**
   * Floating address; absent when unset.
   */
  'floating_address'?: (string);
  /**
   * controller-0 address; absent when unset.
   */
  'controller0_address'?: (string);
  /**
   * controller-1 address; absent when unset.
   */
  'controller1_address'?: (string);
  /**
   * Gateway address; absent when unset.
   */
  'gateway_address'?: (string);
  '_floating_address'?: "floating_address";
  '_controller0_address'?: "controller0_address";
  '_controller1_address'?: "controller1_address";
  '_gateway_address'?: "gateway_address";
}

/**
 * An address pool (`addrpool-list`, `addrpool-show`).
 */
export interface AddressPool__Output {
  /**
   * Integer id.
   */
  'id': (number);
  /**
   * Row uuid.
   */
  'uuid': (string);
  /**
   * Unique name, e.g. `oam-ipv6`.
   */
  'name': (string);
  /**
   * Network address of the subnet, e.g. `fd00::` or `10.20.2.0`.
   */
  'network': (string);
  /**
   * Prefix length of the subnet.
   */
  'prefix': (number);
  /**
   * IPv4 | IPv6, derived from `network`.
   */
  'family': (string);
  /**
   * Allocation order: random | sequential.
   */
  'order': (string);
  /**
   * Allocation ranges, sorted by start address.
   */
  'ranges': (_dc_platform_v1_AddressRange__Output)[];
  /**
   * Floating address; absent when unset.
   */
  'floating_address'?: (string);
  /**
   * controller-0 address; absent when unset.
   */
  'controller0_address'?: (string);
  /**
   * controller-1 address; absent when unset.
   */
  'controller1_address'?: (string);
  /**
   * Gateway address; absent when unset.
   */
  'gateway_address'?: (string);
  '_floating_address'?: "floating_address";
  '_controller0_address'?: "controller0_address";
  '_controller1_address'?: "controller1_address";
  '_gateway_address'?: "gateway_address";
}
