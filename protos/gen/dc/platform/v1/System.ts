// Original file: dc/platform/v1/platform.proto

import type { Long } from '@grpc/proto-loader';

/**
 * `system show`: the site itself.
 */
export interface System {
  /**
   * sysinv system uuid.
   */
  'uuid'?: (string);
  /**
   * System name (the bootstrap `name`).
   */
  'name'?: (string);
  /**
   * `All-in-one` for simplex/duplex/duplex-direct, `Standard` otherwise.
   */
  'system_type'?: (string);
  /**
   * simplex | duplex | duplex-direct | standard.
   */
  'system_mode'?: (string);
  /**
   * distributed_cloud_role: none | systemcontroller | subcloud.
   */
  'distributed_cloud_role'?: (string);
  /**
   * Release string, e.g. `24.09`.
   */
  'software_version'?: (string);
  /**
   * True once the initial configuration is complete; some pool changes are only allowed before.
   */
  'initial_config_complete'?: (boolean);
  /**
   * Upgrade in progress: none | platform | kubernetes.
   */
  'upgrade_in_progress'?: (string);
  /**
   * sysinv capability `simplex_to_duplex_migration` (or `-direct`) is set.
   */
  'simplex_to_duplex_migration'?: (boolean);
  /**
   * Kubernetes is configured dual-stack (cluster-host, cluster-pod and cluster-service all have two pools).
   */
  'kubernetes_dual_stack'?: (boolean);
  /**
   * Generation of the state this was read from; increases by one per applied command.
   */
  'generation'?: (number | string | Long);
  /**
   * Region the system answers for (`SystemController` for the controller, the subcloud's
   * region_name for a subcloud); empty when the server does not know it.
   */
  'region_name'?: (string);
}

/**
 * `system show`: the site itself.
 */
export interface System__Output {
  /**
   * sysinv system uuid.
   */
  'uuid': (string);
  /**
   * System name (the bootstrap `name`).
   */
  'name': (string);
  /**
   * `All-in-one` for simplex/duplex/duplex-direct, `Standard` otherwise.
   */
  'system_type': (string);
  /**
   * simplex | duplex | duplex-direct | standard.
   */
  'system_mode': (string);
  /**
   * distributed_cloud_role: none | systemcontroller | subcloud.
   */
  'distributed_cloud_role': (string);
  /**
   * Release string, e.g. `24.09`.
   */
  'software_version': (string);
  /**
   * True once the initial configuration is complete; some pool changes are only allowed before.
   */
  'initial_config_complete': (boolean);
  /**
   * Upgrade in progress: none | platform | kubernetes.
   */
  'upgrade_in_progress': (string);
  /**
   * sysinv capability `simplex_to_duplex_migration` (or `-direct`) is set.
   */
  'simplex_to_duplex_migration': (boolean);
  /**
   * Kubernetes is configured dual-stack (cluster-host, cluster-pod and cluster-service all have two pools).
   */
  'kubernetes_dual_stack': (boolean);
  /**
   * Generation of the state this was read from; increases by one per applied command.
   */
  'generation': (string);
  /**
   * Region the system answers for (`SystemController` for the controller, the subcloud's
   * region_name for a subcloud); empty when the server does not know it.
   */
  'region_name': (string);
}
