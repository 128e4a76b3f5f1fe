// Original file: dc/platform/v1/platform.proto


/**
 * An allocated address row, named as sysinv names it (`controller-oam`, `controller-0-mgmt`, ...).
 */
export interface Address {
  /**
   * Integer id.
   */
  'id'?: (number);
  /**
   * Row uuid.
   */
  'uuid'?: (string);
  /**
   * Address name, e.g. `controller-0-cluster-host`.
   */
  'name'?: (string);
  /**
   * The address.
   */
  'address'?: (string);
  /**
   * Prefix length of the owning pool.
   */
  'prefix'?: (number);
  /**
   * IPv4 | IPv6.
   */
  'family'?: (string);
  /**
   * uuid of the owning pool.
   */
  'pool_uuid'?: (string);
  /**
   * Duplicate address detection: false for IPv4, true for IPv6.
   */
  'enable_dad'?: (boolean);
}

/**
 * An allocated address row, named as sysinv names it (`controller-oam`, `controller-0-mgmt`, ...).
 */
export interface Address__Output {
  /**
   * Integer id.
   */
  'id': (number);
  /**
   * Row uuid.
   */
  'uuid': (string);
  /**
   * Address name, e.g. `controller-0-cluster-host`.
   */
  'name': (string);
  /**
   * The address.
   */
  'address': (string);
  /**
   * Prefix length of the owning pool.
   */
  'prefix': (number);
  /**
   * IPv4 | IPv6.
   */
  'family': (string);
  /**
   * uuid of the owning pool.
   */
  'pool_uuid': (string);
  /**
   * Duplicate address detection: false for IPv4, true for IPv6.
   */
  'enable_dad': (boolean);
}
