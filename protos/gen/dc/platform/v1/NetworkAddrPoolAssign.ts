// Original file: dc/platform/v1/platform.proto


/**
 * `system network-addrpool-assign NETWORK POOL`.
 */
export interface NetworkAddrPoolAssign {
  /**
   * uuid for the new association; absent lets the server derive one.
   */
  'uuid'?: (string);
  /**
   * Network name or uuid.
   */
  'network'?: (string);
  /**
   * Pool name or uuid.
   */
  'pool'?: (string);
  '_uuid'?: "uuid";
}

/**
 * `system network-addrpool-assign NETWORK POOL`.
 */
export interface NetworkAddrPoolAssign__Output {
  /**
   * uuid for the new association; absent lets the server derive one.
   */
  'uuid'?: (string);
  /**
   * Network name or uuid.
   */
  'network': (string);
  /**
   * Pool name or uuid.
   */
  'pool': (string);
  '_uuid'?: "uuid";
}
