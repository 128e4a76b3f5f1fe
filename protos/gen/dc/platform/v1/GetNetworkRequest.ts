// Original file: dc/platform/v1/platform.proto


/**
 * `system network-show`.
 */
export interface GetNetworkRequest {
  /**
   * Network name, uuid or id.
   */
  'network'?: (string);
}

/**
 * `system network-show`.
 */
export interface GetNetworkRequest__Output {
  /**
   * Network name, uuid or id.
   */
  'network': (string);
}
