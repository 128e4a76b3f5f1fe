// Original file: dc/manager/v1/manager.proto


/**
 * `dcmanager subcloud update`: absent fields stay as they are.
 */
export interface UpdateSubcloudRequest {
  /**
   * Subcloud name, id or region name.
   */
  'subcloud'?: (string);
  /**
   * `--name`: rename (needs unmanaged and complete; RFC 1123).
   */
  'name'?: (string);
  /**
   * `--description`.
   */
  'description'?: (string);
  /**
   * `--location`.
   */
  'location'?: (string);
  /**
   * `--group`: group name or id.
   */
  'group'?: (string);
  /**
   * `--bootstrap-address`: new agent address, of the primary OAM family.
   */
  'bootstrap_address'?: (string);
  /**
   * `--bootstrap-values`: new bootstrap values (YAML text), kept as rehome data.
   */
  'bootstrap_values_yaml'?: (string);
  /**
   * `--peer-group`: peer group name or id, or `none` to leave it.
   */
  'peer_group'?: (string);
  /**
   * reconf: `--management-subnet`: network reconfiguration, comma-separated, primary first; the four
   * management values come together or not at all.
   */
  'management_subnet'?: (string);
  /**
   * reconf: `--management-start-ip`, comma-separated, primary first.
   */
  'management_start_ip'?: (string);
  /**
   * reconf: `--management-end-ip`, comma-separated, primary first.
   */
  'management_end_ip'?: (string);
  /**
   * reconf: `--management-gateway-ip`, comma-separated, primary first.
   */
  'management_gateway_ip'?: (string);
  '_name'?: "name";
  '_description'?: "description";
  '_location'?: "location";
  '_group'?: "group";
  '_bootstrap_address'?: "bootstrap_address";
  '_bootstrap_values_yaml'?: "bootstrap_values_yaml";
  '_peer_group'?: "peer_group";
  '_management_subnet'?: "management_subnet";
  '_management_start_ip'?: "management_start_ip";
  '_management_end_ip'?: "management_end_ip";
  '_management_gateway_ip'?: "management_gateway_ip";
}

/**
 * `dcmanager subcloud update`: absent fields stay as they are.
 */
export interface UpdateSubcloudRequest__Output {
  /**
   * Subcloud name, id or region name.
   */
  'subcloud': (string);
  /**
   * `--name`: rename (needs unmanaged and complete; RFC 1123).
   */
  'name'?: (string);
  /**
   * `--description`.
   */
  'description'?: (string);
  /**
   * `--location`.
   */
  'location'?: (string);
  /**
   * `--group`: group name or id.
   */
  'group'?: (string);
  /**
   * `--bootstrap-address`: new agent address, of the primary OAM family.
   */
  'bootstrap_address'?: (string);
  /**
   * `--bootstrap-values`: new bootstrap values (YAML text), kept as rehome data.
   */
  'bootstrap_values_yaml'?: (string);
  /**
   * `--peer-group`: peer group name or id, or `none` to leave it.
   */
  'peer_group'?: (string);
  /**
   * reconf: `--management-subnet`: network reconfiguration, comma-separated, primary first; the four
   * management values come together or not at all.
   */
  'management_subnet'?: (string);
  /**
   * reconf: `--management-start-ip`, comma-separated, primary first.
   */
  'management_start_ip'?: (string);
  /**
   * reconf: `--management-end-ip`, comma-separated, primary first.
   */
  'management_end_ip'?: (string);
  /**
   * reconf: `--management-gateway-ip`, comma-separated, primary first.
   */
  'management_gateway_ip'?: (string);
  '_name'?: "name";
  '_description'?: "description";
  '_location'?: "location";
  '_group'?: "group";
  '_bootstrap_address'?: "bootstrap_address";
  '_bootstrap_values_yaml'?: "bootstrap_values_yaml";
  '_peer_group'?: "peer_group";
  '_management_subnet'?: "management_subnet";
  '_management_start_ip'?: "management_start_ip";
  '_management_end_ip'?: "management_end_ip";
  '_management_gateway_ip'?: "management_gateway_ip";
}
