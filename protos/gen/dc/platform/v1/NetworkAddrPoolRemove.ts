// Original file: dc/platform/v1/platform.proto


/**
 * `system network-addrpool-remove UUID`.
 */
export interface NetworkAddrPoolRemove {
  /**
   * Association uuid.
   */
  'assignment'?: (string);
}

/**
 * `system network-addrpool-remove UUID`.
 */
export interface NetworkAddrPoolRemove__Output {
  /**
   * Association uuid.
   */
  'assignment': (string);
}
