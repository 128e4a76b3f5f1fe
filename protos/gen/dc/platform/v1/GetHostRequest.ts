// Original file: dc/platform/v1/platform.proto


/**
 * `system host-show`.
 */
export interface GetHostRequest {
  /**
   * Hostname, uuid or id.
   */
  'host'?: (string);
}

/**
 * `system host-show`.
 */
export interface GetHostRequest__Output {
  /**
   * Hostname, uuid or id.
   */
  'host': (string);
}
