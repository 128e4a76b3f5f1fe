// Original file: dc/platform/v1/platform.proto


/**
 * `system addrpool-list`.
 */
export interface ListAddressPoolsRequest {
  /**
   * Only pools bound to a network of this type, primary first; empty lists every pool.
   */
  'network_type'?: (string);
}

/**
 * `system addrpool-list`.
 */
export interface ListAddressPoolsRequest__Output {
  /**
   * Only pools bound to a network of this type, primary first; empty lists every pool.
   */
  'network_type': (string);
}
