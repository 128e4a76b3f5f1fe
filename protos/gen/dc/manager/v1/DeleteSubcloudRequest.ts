// Original file: dc/manager/v1/manager.proto


/**
 * `dcmanager subcloud delete`.
 */
export interface DeleteSubcloudRequest {
  /**
   * Subcloud name, id or region name.
   */
  'subcloud'?: (string);
}

/**
 * `dcmanager subcloud delete`.
 */
export interface DeleteSubcloudRequest__Output {
  /**
   * Subcloud name, id or region name.
   */
  'subcloud': (string);
}
