// Original file: dc/manager/v1/manager.proto


/**
 * `dcmanager subcloud-peer-group status`: member counts.
 */
export interface SubcloudPeerGroupStatus {
  /**
   * Peer group id.
   */
  'peer_group_id'?: (number);
  /**
   * Peer group name.
   */
  'peer_group_name'?: (string);
  /**
   * Members.
   */
  'total_subclouds'?: (number);
  /**
   * Members whose deploy status is complete.
   */
  'complete'?: (number);
  /**
   * Members waiting to be migrated (secondary).
   */
  'waiting_for_migrate'?: (number);
  /**
   * Members being rehomed.
   */
  'rehoming'?: (number);
  /**
   * Members whose rehome failed.
   */
  'rehome_failed'?: (number);
  /**
   * Managed members.
   */
  'managed'?: (number);
  /**
   * Unmanaged members.
   */
  'unmanaged'?: (number);
}

/**
 * `dcmanager subcloud-peer-group status`: member counts.
 */
export interface SubcloudPeerGroupStatus__Output {
  /**
   * Peer group id.
   */
  'peer_group_id': (number);
  /**
   * Peer group name.
   */
  'peer_group_name': (string);
  /**
   * Members.
   */
  'total_subclouds': (number);
  /**
   * Members whose deploy status is complete.
   */
  'complete': (number);
  /**
   * Members waiting to be migrated (secondary).
   */
  'waiting_for_migrate': (number);
  /**
   * Members being rehomed.
   */
  'rehoming': (number);
  /**
   * Members whose rehome failed.
   */
  'rehome_failed': (number);
  /**
   * Managed members.
   */
  'managed': (number);
  /**
   * Unmanaged members.
   */
  'unmanaged': (number);
}
