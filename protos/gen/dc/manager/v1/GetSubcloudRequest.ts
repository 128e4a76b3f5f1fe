// Original file: dc/manager/v1/manager.proto


/**
 * `dcmanager subcloud show`.
 */
export interface GetSubcloudRequest {
  /**
   * Subcloud name, id or region name.
   */
  'subcloud'?: (string);
  /**
   * `-d`: fill Subcloud.detail (live OAM address and agent details).
   */
  'detail'?: (boolean);
}

/**
 * `dcmanager subcloud show`.
 */
export interface GetSubcloudRequest__Output {
  /**
   * Subcloud name, id or region name.
   */
  'subcloud': (string);
  /**
   * `-d`: fill Subcloud.detail (live OAM address and agent details).
   */
  'detail': (boolean);
}
