// Original file: dc/manager/v1/manager.proto


/**
 * `dcmanager subcloud-peer-group update`: absent fields stay as they are.
 */
export interface UpdateSubcloudPeerGroupRequest {
  /**
   * Peer group name or id.
   */
  'peer_group'?: (string);
  /**
   * `--peer-group-name`.
   */
  'peer_group_name'?: (string);
  /**
   * `--group-priority`.
   */
  'group_priority'?: (number);
  /**
   * `--group-state`.
   */
  'group_state'?: (string);
  /**
   * `--max-subcloud-rehoming`.
   */
  'max_subcloud_rehoming'?: (number);
  '_peer_group_name'?: "peer_group_name";
  '_group_priority'?: "group_priority";
  '_group_state'?: "group_state";
  '_max_subcloud_rehoming'?: "max_subcloud_rehoming";
}

/**
 * `dcmanager subcloud-peer-group update`: absent fields stay as they are.
 */
export interface UpdateSubcloudPeerGroupRequest__Output {
  /**
   * Peer group name or id.
   */
  'peer_group': (string);
  /**
   * `--peer-group-name`.
   */
  'peer_group_name'?: (string);
  /**
   * `--group-priority`.
   */
  'group_priority'?: (number);
  /**
   * `--group-state`.
   */
  'group_state'?: (string);
  /**
   * `--max-subcloud-rehoming`.
   */
  'max_subcloud_rehoming'?: (number);
  '_peer_group_name'?: "peer_group_name";
  '_group_priority'?: "group_priority";
  '_group_state'?: "group_state";
  '_max_subcloud_rehoming'?: "max_subcloud_rehoming";
}
