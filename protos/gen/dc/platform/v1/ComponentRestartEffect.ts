// Original file: dc/platform/v1/platform.proto


/**
 * A Kubernetes component restart.
 */
export interface ComponentRestartEffect {
  /**
   * kube-apiserver | kube-controller-manager.
   */
  'component'?: (string);
  /**
   * Hostnames on which it restarts.
   */
  'hosts'?: (string)[];
}

/**
 * A Kubernetes component restart.
 */
export interface ComponentRestartEffect__Output {
  /**
   * kube-apiserver | kube-controller-manager.
   */
  'component': (string);
  /**
   * Hostnames on which it restarts.
   */
  'hosts': (string)[];
}
