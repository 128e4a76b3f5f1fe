// Original file: dc/manager/v1/manager.proto


/**
 * `dcmanager subcloud-peer-group show`, `delete`, `list-subclouds` and `status`.
 */
export interface SubcloudPeerGroupRef {
  /**
   * Peer group name or id.
   */
  'peer_group'?: (string);
}

/**
 * `dcmanager subcloud-peer-group show`, `delete`, `list-subclouds` and `status`.
 */
export interface SubcloudPeerGroupRef__Output {
  /**
   * Peer group name or id.
   */
  'peer_group': (string);
}
