// Original file: dc/manager/v1/manager.proto


/**
 * A subcloud peer group (spec 4.2).
 */
export interface SubcloudPeerGroup {
  /**
   * Integer id.
   */
  'id'?: (number);
  /**
   * Unique name, not `none`.
   */
  'peer_group_name'?: (string);
  /**
   * 0 = primary (owning) site; a lower number is more preferred. 0..65536.
   */
  'group_priority'?: (number);
  /**
   * enabled | disabled.
   */
  'group_state'?: (string);
  /**
   * Parallelism of batch migrate, 1..250 (default 10).
   */
  'max_subcloud_rehoming'?: (number);
  /**
   * System uuid of the controller currently managing the group.
   */
  'system_leader_id'?: (string);
  /**
   * System name of the controller currently managing the group.
   */
  'system_leader_name'?: (string);
  /**
   * none | migrating | complete.
   */
  'migration_status'?: (string);
  /**
   * Creation time.
   */
  'created_at'?: (string);
  /**
   * Last update time; empty when never updated.
   */
  'updated_at'?: (string);
}

/**
 * A subcloud peer group (spec 4.2).
 */
export interface SubcloudPeerGroup__Output {
  /**
   * Integer id.
   */
  'id': (number);
  /**
   * Unique name, not `none`.
   */
  'peer_group_name': (string);
  /**
   * 0 = primary (owning) site; a lower number is more preferred. 0..65536.
   */
  'group_priority': (number);
  /**
   * enabled | disabled.
   */
  'group_state': (string);
  /**
   * Parallelism of batch migrate, 1..250 (default 10).
   */
  'max_subcloud_rehoming': (number);
  /**
   * System uuid of the controller currently managing the group.
   */
  'system_leader_id': (string);
  /**
   * System name of the controller currently managing the group.
   */
  'system_leader_name': (string);
  /**
   * none | migrating | complete.
   */
  'migration_status': (string);
  /**
   * Creation time.
   */
  'created_at': (string);
  /**
   * Last update time; empty when never updated.
   */
  'updated_at': (string);
}
