// Original file: dc/agent/v1/agent.proto

import type { Long } from '@grpc/proto-loader';

/**
 * Restarts of one Kubernetes component.
 */
export interface ComponentRestarts {
  /**
   * kube-apiserver | kube-controller-manager.
   */
  'component'?: (string);
  /**
   * Restarts since the agent's state was created.
   */
  'restarts'?: (number | string | Long);
}

/**
 * Restarts of one Kubernetes component.
 */
export interface ComponentRestarts__Output {
  /**
   * kube-apiserver | kube-controller-manager.
   */
  'component': (string);
  /**
   * Restarts since the agent's state was created.
   */
  'restarts': (string);
}
