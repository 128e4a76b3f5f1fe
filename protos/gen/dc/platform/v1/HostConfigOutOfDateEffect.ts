// Original file: dc/platform/v1/platform.proto


/**
 * A host whose configuration is out of date until its next lock/unlock.
 */
export interface HostConfigOutOfDateEffect {
  /**
   * Hostname.
   */
  'hostname'?: (string);
  /**
   * Why, e.g. which network changed.
   */
  'reason'?: (string);
}

/**
 * A host whose configuration is out of date until its next lock/unlock.
 */
export interface HostConfigOutOfDateEffect__Output {
  /**
   * Hostname.
   */
  'hostname': (string);
  /**
   * Why, e.g. which network changed.
   */
  'reason': (string);
}
