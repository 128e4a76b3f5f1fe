// Original file: dc/manager/v1/manager.proto


/**
 * `dcmanager subcloud-peer-group add`.
 */
export interface AddSubcloudPeerGroupRequest {
  /**
   * `--peer-group-name`.
   */
  'peer_group_name'?: (string);
  /**
   * `--group-priority`; absent means 0.
   */
  'group_priority'?: (number);
  /**
   * `--group-state`; absent means enabled.
   */
  'group_state'?: (string);
  /**
   * `--max-subcloud-rehoming`; absent means 10.
   */
  'max_subcloud_rehoming'?: (number);
  '_group_priority'?: "group_priority";
  '_group_state'?: "group_state";
  '_max_subcloud_rehoming'?: "max_subcloud_rehoming";
}

/**
 * `dcmanager subcloud-peer-group add`.
 */
export interface AddSubcloudPeerGroupRequest__Output {
  /**
   * `--peer-group-name`.
   */
  'peer_group_name': (string);
  /**
   * `--group-priority`; absent means 0.
   */
  'group_priority'?: (number);
  /**
   * `--group-state`; absent means enabled.
   */
  'group_state'?: (string);
  /**
   * `--max-subcloud-rehoming`; absent means 10.
   */
  'max_subcloud_rehoming'?: (number);
  '_group_priority'?: "group_priority";
  '_group_state'?: "group_state";
  '_max_subcloud_rehoming'?: "max_subcloud_rehoming";
}
