// Original file: dc/manager/v1/manager.proto


/**
 * `dcmanager subcloud unmanage`.
 */
export interface UnmanageSubcloudRequest {
  /**
   * Subcloud name, id or region name.
   */
  'subcloud'?: (string);
  /**
   * `--migrate`: also set rehome-pending (needs deploy status complete).
   */
  'migrate'?: (boolean);
}

/**
 * `dcmanager subcloud unmanage`.
 */
export interface UnmanageSubcloudRequest__Output {
  /**
   * Subcloud name, id or region name.
   */
  'subcloud': (string);
  /**
   * `--migrate`: also set rehome-pending (needs deploy status complete).
   */
  'migrate': (boolean);
}
