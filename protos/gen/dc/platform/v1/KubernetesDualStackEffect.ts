// Original file: dc/platform/v1/platform.proto


/**
 * Kubernetes dual-stack switched on or off.
 */
export interface KubernetesDualStackEffect {
  /**
   * New dual-stack setting.
   */
  'enabled'?: (boolean);
  /**
   * The secondary family being added or removed.
   */
  'family'?: (string);
}

/**
 * Kubernetes dual-stack switched on or off.
 */
export interface KubernetesDualStackEffect__Output {
  /**
   * New dual-stack setting.
   */
  'enabled': (boolean);
  /**
   * The secondary family being added or removed.
   */
  'family': (string);
}
