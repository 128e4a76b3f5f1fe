// Original file: dc/platform/v1/platform.proto


/**
 * New value of one address field of a pool in `addrpool-modify`.
 */
export interface AddressUpdate {
  /**
   * Replace the address with this one.
   */
  'address'?: (string);
  /**
   * Clear the field and delete its address row (the CLI's `none`); must be true.
   */
  'clear'?: (boolean);
  /**
   * Exactly one must be set.
   */
  'update'?: "address"|"clear";
}

/**
 * New value of one address field of a pool in `addrpool-modify`.
 */
export interface AddressUpdate__Output {
  /**
   * Replace the address with this one.
   */
  'address'?: (string);
  /**
   * Clear the field and delete its address row (the CLI's `none`); must be true.
   */
  'clear'?: (boolean);
  /**
   * Exactly one must be set.
   */
  'update'?: "address"|"clear";
}
