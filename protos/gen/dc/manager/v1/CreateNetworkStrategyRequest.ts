// Original file: dc/manager/v1/manager.proto


/**
 * `dcmanager network-strategy create`: a fleet-wide change of secondary address pools.
 */
export interface CreateNetworkStrategyRequest {
  /**
   * The plan file as YAML text: `add:` (pools of the secondary family, with optional per-subcloud
   * `subclouds:` values) or `remove:` (networks going back to single stack).
   */
  'plan_yaml'?: (string);
  /**
   * `--group`: only the members of this subcloud group, with the group's apply type and max
   * parallel; cannot be combined with subcloud_apply_type or max_parallel_subclouds.
   */
  'group'?: (string);
  /**
   * The positional SUBCLOUD: only this subcloud (name, region name or id).
   */
  'subcloud'?: (string);
  /**
   * `--subcloud-apply-type`: parallel | serial; absent means parallel. Serial forces max parallel 1.
   */
  'subcloud_apply_type'?: (string);
  /**
   * `--max-parallel-subclouds`: 1..5000; absent means 20.
   */
  'max_parallel_subclouds'?: (number);
  /**
   * `--stop-on-failure`: start no new step after the first failed one.
   */
  'stop_on_failure'?: (boolean);
  '_group'?: "group";
  '_subcloud'?: "subcloud";
  '_subcloud_apply_type'?: "subcloud_apply_type";
  '_max_parallel_subclouds'?: "max_parallel_subclouds";
}

/**
 * `dcmanager network-strategy create`: a fleet-wide change of secondary address pools.
 */
export interface CreateNetworkStrategyRequest__Output {
  /**
   * The plan file as YAML text: `add:` (pools of the secondary family, with optional per-subcloud
   * `subclouds:` values) or `remove:` (networks going back to single stack).
   */
  'plan_yaml': (string);
  /**
   * `--group`: only the members of this subcloud group, with the group's apply type and max
   * parallel; cannot be combined with subcloud_apply_type or max_parallel_subclouds.
   */
  'group'?: (string);
  /**
   * The positional SUBCLOUD: only this subcloud (name, region name or id).
   */
  'subcloud'?: (string);
  /**
   * `--subcloud-apply-type`: parallel | serial; absent means parallel. Serial forces max parallel 1.
   */
  'subcloud_apply_type'?: (string);
  /**
   * `--max-parallel-subclouds`: 1..5000; absent means 20.
   */
  'max_parallel_subclouds'?: (number);
  /**
   * `--stop-on-failure`: start no new step after the first failed one.
   */
  'stop_on_failure': (boolean);
  '_group'?: "group";
  '_subcloud'?: "subcloud";
  '_subcloud_apply_type'?: "subcloud_apply_type";
  '_max_parallel_subclouds'?: "max_parallel_subclouds";
}
