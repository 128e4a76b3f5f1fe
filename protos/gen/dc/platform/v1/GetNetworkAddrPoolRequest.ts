// Original file: dc/platform/v1/platform.proto


/**
 * `system network-addrpool-show`.
 */
export interface GetNetworkAddrPoolRequest {
  /**
   * Association uuid.
   */
  'assignment'?: (string);
}

/**
 * `system network-addrpool-show`.
 */
export interface GetNetworkAddrPoolRequest__Output {
  /**
   * Association uuid.
   */
  'assignment': (string);
}
