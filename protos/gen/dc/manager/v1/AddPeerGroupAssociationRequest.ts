// Original file: dc/manager/v1/manager.proto


/**
 * `dcmanager peer-group-association add`.
 */
export interface AddPeerGroupAssociationRequest {
  /**
   * `--peer-group-id`: peer group name or id.
   */
  'peer_group'?: (string);
  /**
   * `--system-peer-id`: system peer name, uuid or id.
   */
  'system_peer'?: (string);
  /**
   * `--peer-group-priority`: required when the local group priority is 0, forbidden otherwise.
   */
  'peer_group_priority'?: (number);
  '_peer_group_priority'?: "peer_group_priority";
}

/**
 * `dcmanager peer-group-association add`.
 */
export interface AddPeerGroupAssociationRequest__Output {
  /**
   * `--peer-group-id`: peer group name or id.
   */
  'peer_group': (string);
  /**
   * `--system-peer-id`: system peer name, uuid or id.
   */
  'system_peer': (string);
  /**
   * `--peer-group-priority`: required when the local group priority is 0, forbidden otherwise.
   */
  'peer_group_priority'?: (number);
  '_peer_group_priority'?: "peer_group_priority";
}
