// Original file: dc/manager/v1/manager.proto


/**
 * `dcmanager subcloud list`.
 */
export interface ListSubcloudsRequest {
  /**
   * `--all`: include secondary and secondary-failed subclouds.
   */
  'all'?: (boolean);
  /**
   * `-d`: fill Subcloud.detail.
   */
  'detail'?: (boolean);
}

/**
 * `dcmanager subcloud list`.
 */
export interface ListSubcloudsRequest__Output {
  /**
   * `--all`: include secondary and secondary-failed subclouds.
   */
  'all': (boolean);
  /**
   * `-d`: fill Subcloud.detail.
   */
  'detail': (boolean);
}
