// Original file: dc/manager/v1/manager.proto


/**
 * `dcmanager peer-group-association show`, `sync` and `delete`.
 */
export interface PeerGroupAssociationRef {
  /**
   * Association id.
   */
  'association'?: (string);
}

/**
 * `dcmanager peer-group-association show`, `sync` and `delete`.
 */
export interface PeerGroupAssociationRef__Output {
  /**
   * Association id.
   */
  'association': (string);
}
