// Original file: dc/agent/v1/agent.proto

import type { Long } from '@grpc/proto-loader';

/**
 * Bootstrap an un-bootstrapped agent from the subcloud's bootstrap values.
 */
export interface BootstrapRequest {
  /**
   * The bootstrap values file (`localhost.yml`) as YAML text; dual-stack values comma-separated, primary first.
   */
  'values_yaml'?: (string);
  /**
   * Caller's controller epoch (see fencing above).
   */
  'epoch'?: (number | string | Long);
  /**
   * Caller's controller id.
   */
  'controller_id'?: (string);
}

/**
 * Bootstrap an un-bootstrapped agent from the subcloud's bootstrap values.
 */
export interface BootstrapRequest__Output {
  /**
   * The bootstrap values file (`localhost.yml`) as YAML text; dual-stack values comma-separated, primary first.
   */
  'values_yaml': (string);
  /**
   * Caller's controller epoch (see fencing above).
   */
  'epoch': (string);
  /**
   * Caller's controller id.
   */
  'controller_id': (string);
}
