// Original file: dc/manager/v1/manager.proto


/**
 * `dcmanager subcloud errors`.
 */
export interface GetSubcloudErrorsRequest {
  /**
   * Subcloud name, id or region name.
   */
  'subcloud'?: (string);
}

/**
 * `dcmanager subcloud errors`.
 */
export interface GetSubcloudErrorsRequest__Output {
  /**
   * Subcloud name, id or region name.
   */
  'subcloud': (string);
}
