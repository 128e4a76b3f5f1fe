// Original file: dc/platform/v1/platform.proto


/**
 * Addresses allocated in or released from a pool.
 */
export interface AddressesEffect {
  /**
   * Name or uuid of the pool, as netmodel reports it.
   */
  'pool'?: (string);
  /**
   * Names of the addresses.
   */
  'names'?: (string)[];
}

/**
 * Addresses allocated in or released from a pool.
 */
export interface AddressesEffect__Output {
  /**
   * Name or uuid of the pool, as netmodel reports it.
   */
  'pool': (string);
  /**
   * Names of the addresses.
   */
  'names': (string)[];
}
