// Original file: dc/manager/v1/manager.proto


/**
 * A peer group association (spec 4.3).
 */
export interface PeerGroupAssociation {
  /**
   * Integer id.
   */
  'id'?: (number);
  /**
   * Subcloud peer group id.
   */
  'peer_group_id'?: (number);
  /**
   * System peer id; (peer_group_id, system_peer_id) is unique.
   */
  'system_peer_id'?: (number);
  /**
   * primary | non-primary.
   */
  'association_type'?: (string);
  /**
   * Priority the peer group gets on the peer site (non-zero).
   */
  'peer_group_priority'?: (number);
  /**
   * syncing | in-sync | out-of-sync | failed | unknown.
   */
  'sync_status'?: (string);
  /**
   * Last sync message; empty when none.
   */
  'sync_message'?: (string);
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
 * A peer group association (spec 4.3).
 */
export interface PeerGroupAssociation__Output {
  /**
   * Integer id.
   */
  'id': (number);
  /**
   * Subcloud peer group id.
   */
  'peer_group_id': (number);
  /**
   * System peer id; (peer_group_id, system_peer_id) is unique.
   */
  'system_peer_id': (number);
  /**
   * primary | non-primary.
   */
  'association_type': (string);
  /**
   * Priority the peer group gets on the peer site (non-zero).
   */
  'peer_group_priority': (number);
  /**
   * syncing | in-sync | out-of-sync | failed | unknown.
   */
  'sync_status': (string);
  /**
   * Last sync message; empty when none.
   */
  'sync_message': (string);
  /**
   * Creation time.
   */
  'created_at': (string);
  /**
   * Last update time; empty when never updated.
   */
  'updated_at': (string);
}
