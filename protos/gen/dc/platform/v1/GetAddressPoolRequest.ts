// Original file: dc/platform/v1/platform.proto


/**
 * `system addrpool-show`.
 */
export interface GetAddressPoolRequest {
  /**
   * Pool name or uuid.
   */
  'pool'?: (string);
}

/**
 * `system addrpool-show`.
 */
export interface GetAddressPoolRequest__Output {
  /**
   * Pool name or uuid.
   */
  'pool': (string);
}
