// Original file: dc/manager/v1/manager.proto


/**
 * `dcmanager subcloud redeploy`.
 */
export interface RedeploySubcloudRequest {
  /**
   * Subcloud name, id or region name.
   */
  'subcloud'?: (string);
  /**
   * `--bootstrap-values`: the bootstrap values file as YAML text; its name must be the subcloud's.
   */
  'bootstrap_values_yaml'?: (string);
}

/**
 * `dcmanager subcloud redeploy`.
 */
export interface RedeploySubcloudRequest__Output {
  /**
   * Subcloud name, id or region name.
   */
  'subcloud': (string);
  /**
   * `--bootstrap-values`: the bootstrap values file as YAML text; its name must be the subcloud's.
   */
  'bootstrap_values_yaml': (string);
}
