// Original file: dc/manager/v1/manager.proto


/**
 * `dcmanager system-peer show`, `delete` and `list-subcloud-peer-groups`.
 */
export interface SystemPeerRef {
  /**
   * Peer name, uuid or id.
   */
  'system_peer'?: (string);
}

/**
 * `dcmanager system-peer show`, `delete` and `list-subcloud-peer-groups`.
 */
export interface SystemPeerRef__Output {
  /**
   * Peer name, uuid or id.
   */
  'system_peer': (string);
}
