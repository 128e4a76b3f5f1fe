// Original file: dc/platform/v1/platform.proto


/**
 * `system host-unlock`.
 */
export interface HostUnlock {
  /**
   * Hostname or uuid.
   */
  'host'?: (string);
}

/**
 * `system host-unlock`.
 */
export interface HostUnlock__Output {
  /**
   * Hostname or uuid.
   */
  'host': (string);
}
