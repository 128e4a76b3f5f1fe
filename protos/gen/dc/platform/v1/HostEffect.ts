// Original file: dc/platform/v1/platform.proto


/**
 * A host named by an effect.
 */
export interface HostEffect {
  /**
   * Hostname.
   */
  'hostname'?: (string);
}

/**
 * A host named by an effect.
 */
export interface HostEffect__Output {
  /**
   * Hostname.
   */
  'hostname': (string);
}
