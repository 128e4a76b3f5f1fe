// Original file: dc/manager/v1/manager.proto


/**
 * `dcmanager subcloud-peer-group migrate`.
 */
export interface MigrateSubcloudPeerGroupRequest {
  /**
   * Peer group name or id.
   */
  'peer_group'?: (string);
  /**
   * `--sysadmin-password`: input only, never returned.
   */
  'sysadmin_password'?: (string);
}

/**
 * `dcmanager subcloud-peer-group migrate`.
 */
export interface MigrateSubcloudPeerGroupRequest__Output {
  /**
   * Peer group name or id.
   */
  'peer_group': (string);
  /**
   * `--sysadmin-password`: input only, never returned.
   */
  'sysadmin_password': (string);
}
