// Original file: dc/platform/v1/platform.proto


/**
 * `system addrpool-delete`.
 */
export interface AddrPoolDelete {
  /**
   * Pool name or uuid.
   */
  'pool'?: (string);
}

/**
 * `system addrpool-delete`.
 */
export interface AddrPoolDelete__Output {
  /**
   * Pool name or uuid.
   */
  'pool': (string);
}
