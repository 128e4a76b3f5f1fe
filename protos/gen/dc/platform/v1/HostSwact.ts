// Original file: dc/platform/v1/platform.proto


/**
 * `system host-swact`.
 */
export interface HostSwact {
  /**
   * Hostname or uuid of the active controller to swact away from.
   */
  'host'?: (string);
}

/**
 * `system host-swact`.
 */
export interface HostSwact__Output {
  /**
   * Hostname or uuid of the active controller to swact away from.
   */
  'host': (string);
}
