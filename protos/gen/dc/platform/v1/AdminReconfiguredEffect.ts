// Original file: dc/platform/v1/platform.proto


/**
 * Admin network reconfigured.
 */
export interface AdminReconfiguredEffect {
  /**
   * True when the admin network is being removed.
   */
  'disable'?: (boolean);
}

/**
 * Admin network reconfigured.
 */
export interface AdminReconfiguredEffect__Output {
  /**
   * True when the admin network is being removed.
   */
  'disable': (boolean);
}
