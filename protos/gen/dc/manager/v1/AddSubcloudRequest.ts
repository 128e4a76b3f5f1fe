// Original file: dc/manager/v1/manager.proto


/**
 * `dcmanager subcloud add`.
 */
export interface AddSubcloudRequest {
  /**
   * `--bootstrap-address`: an address or `[address]:port` of the subcloud's primary OAM family (port 50051 by default).
   */
  'bootstrap_address'?: (string);
  /**
   * `--bootstrap-values`: the bootstrap values file as YAML text.
   */
  'bootstrap_values_yaml'?: (string);
  /**
   * `--group`: group name or id; absent means Default.
   */
  'group'?: (string);
  /**
   * `--release`: release string; absent means the controller's release.
   */
  'release'?: (string);
  /**
   * Description; absent leaves it empty.
   */
  'description'?: (string);
  /**
   * Location; absent leaves it empty.
   */
  'location'?: (string);
  /**
   * `--name`: must equal the name in the bootstrap values when given.
   */
  'name'?: (string);
  /**
   * `--migrate`: the subcloud is already deployed; its reported state must match the values, and it
   * is claimed without being bootstrapped again.
   */
  'migrate'?: (boolean);
  '_group'?: "group";
  '_release'?: "release";
  '_description'?: "description";
  '_location'?: "location";
  '_name'?: "name";
}

/**
 * `dcmanager subcloud add`.
 */
export interface AddSubcloudRequest__Output {
  /**
   * `--bootstrap-address`: an address or `[address]:port` of the subcloud's primary OAM family (port 50051 by default).
   */
  'bootstrap_address': (string);
  /**
   * `--bootstrap-values`: the bootstrap values file as YAML text.
   */
  'bootstrap_values_yaml': (string);
  /**
   * `--group`: group name or id; absent means Default.
   */
  'group'?: (string);
  /**
   * `--release`: release string; absent means the controller's release.
   */
  'release'?: (string);
  /**
   * Description; absent leaves it empty.
   */
  'description'?: (string);
  /**
   * Location; absent leaves it empty.
   */
  'location'?: (string);
  /**
   * `--name`: must equal the name in the bootstrap values when given.
   */
  'name'?: (string);
  /**
   * `--migrate`: the subcloud is already deployed; its reported state must match the values, and it
   * is claimed without being bootstrapped again.
   */
  'migrate': (boolean);
  '_group'?: "group";
  '_release'?: "release";
  '_description'?: "description";
  '_location'?: "location";
  '_name'?: "name";
}
