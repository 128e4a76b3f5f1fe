// Original file: dc/manager/v1/manager.proto


/**
 * `dcmanager subcloud deploy resume|abort`.
 */
export interface SubcloudDeployRequest {
  /**
   * Subcloud name, id or region name.
   */
  'subcloud'?: (string);
}

/**
 * `dcmanager subcloud deploy resume|abort`.
 */
export interface SubcloudDeployRequest__Output {
  /**
   * Subcloud name, id or region name.
   */
  'subcloud': (string);
}
