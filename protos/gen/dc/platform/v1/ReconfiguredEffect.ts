// Original file: dc/platform/v1/platform.proto


/**
 * A network reconfiguration that applies at runtime or on the next lock/unlock.
 */
export interface ReconfiguredEffect {
  /**
   * True when applied at runtime (e.g. OAM on simplex), false when pending a lock/unlock.
   */
  'runtime'?: (boolean);
}

/**
 * A network reconfiguration that applies at runtime or on the next lock/unlock.
 */
export interface ReconfiguredEffect__Output {
  /**
   * True when applied at runtime (e.g. OAM on simplex), false when pending a lock/unlock.
   */
  'runtime': (boolean);
}
