// Original file: dc/platform/v1/platform.proto


/**
 * `system host-lock`.
 */
export interface HostLock {
  /**
   * Hostname or uuid.
   */
  'host'?: (string);
  /**
   * `--force`.
   */
  'force'?: (boolean);
}

/**
 * `system host-lock`.
 */
export interface HostLock__Output {
  /**
   * Hostname or uuid.
   */
  'host': (string);
  /**
   * `--force`.
   */
  'force': (boolean);
}
