// Original file: dc/manager/v1/manager.proto


/**
 * `dcmanager subcloud manage`.
 */
export interface ManageSubcloudRequest {
  /**
   * Subcloud name, id or region name.
   */
  'subcloud'?: (string);
  /**
   * `--force`: skip the complete and online checks.
   */
  'force'?: (boolean);
}

/**
 * `dcmanager subcloud manage`.
 */
export interface ManageSubcloudRequest__Output {
  /**
   * Subcloud name, id or region name.
   */
  'subcloud': (string);
  /**
   * `--force`: skip the complete and online checks.
   */
  'force': (boolean);
}
