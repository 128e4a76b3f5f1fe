// Original file: dc/manager/v1/manager.proto


/**
 * Sync status of one endpoint of a subcloud.
 */
export interface EndpointSyncStatus {
  /**
   * platform | identity | dc-cert | firmware | kubernetes | kube-rootca | software.
   */
  'endpoint_type'?: (string);
  /**
   * in-sync | out-of-sync | unknown.
   */
  'sync_status'?: (string);
}

/**
 * Sync status of one endpoint of a subcloud.
 */
export interface EndpointSyncStatus__Output {
  /**
   * platform | identity | dc-cert | firmware | kubernetes | kube-rootca | software.
   */
  'endpoint_type': (string);
  /**
   * in-sync | out-of-sync | unknown.
   */
  'sync_status': (string);
}
