// Original file: dc/platform/v1/platform.proto


/**
 * A host (`host-list`, `host-show`).
 */
export interface Host {
  /**
   * Integer id (`host-list` column `id`).
   */
  'id'?: (number);
  /**
   * Row uuid.
   */
  'uuid'?: (string);
  /**
   * Hostname, e.g. `controller-0`.
   */
  'hostname'?: (string);
  /**
   * controller | worker | storage.
   */
  'personality'?: (string);
  /**
   * Administrative state: locked | unlocked.
   */
  'administrative'?: (string);
  /**
   * Operational state: enabled | disabled.
   */
  'operational'?: (string);
  /**
   * Availability: available | online | offline | degraded | intest | failed.
   */
  'availability'?: (string);
  /**
   * Controllers only: this controller is the active one.
   */
  'active'?: (boolean);
  /**
   * False while the host holds configuration it applies only on its next lock/unlock.
   */
  'config_up_to_date'?: (boolean);
}

/**
 * A host (`host-list`, `host-show`).
 */
export interface Host__Output {
  /**
   * Integer id (`host-list` column `id`).
   */
  'id': (number);
  /**
   * Row uuid.
   */
  'uuid': (string);
  /**
   * Hostname, e.g. `controller-0`.
   */
  'hostname': (string);
  /**
   * controller | worker | storage.
   */
  'personality': (string);
  /**
   * Administrative state: locked | unlocked.
   */
  'administrative': (string);
  /**
   * Operational state: enabled | disabled.
   */
  'operational': (string);
  /**
   * Availability: available | online | offline | degraded | intest | failed.
   */
  'availability': (string);
  /**
   * Controllers only: this controller is the active one.
   */
  'active': (boolean);
  /**
   * False while the host holds configuration it applies only on its next lock/unlock.
   */
  'config_up_to_date': (boolean);
}
