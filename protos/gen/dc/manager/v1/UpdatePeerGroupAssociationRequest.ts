// Original file: dc/manager/v1/manager.proto


/**
 * `dcmanager peer-group-association update`.
 */
export interface UpdatePeerGroupAssociationRequest {
  /**
   * Association id.
   */
  'association'?: (string);
  /**
   * `--peer-group-priority`.
   */
  'peer_group_priority'?: (number);
  '_peer_group_priority'?: "peer_group_priority";
}

/**
 * `dcmanager peer-group-association update`.
 */
export interface UpdatePeerGroupAssociationRequest__Output {
  /**
   * Association id.
   */
  'association': (string);
  /**
   * `--peer-group-priority`.
   */
  'peer_group_priority'?: (number);
  '_peer_group_priority'?: "peer_group_priority";
}
