// Original file: dc/platform/v1/platform.proto


/**
 * `system network-delete`.
 */
export interface NetworkDelete {
  /**
   * Network name or uuid.
   */
  'network'?: (string);
}

/**
 * `system network-delete`.
 */
export interface NetworkDelete__Output {
  /**
   * Network name or uuid.
   */
  'network': (string);
}
