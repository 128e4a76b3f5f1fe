// Original file: dc/manager/v1/manager.proto


/**
 * `dcmanager system-peer update`: absent fields stay as they are.
 */
export interface UpdateSystemPeerRequest {
  /**
   * Peer name, uuid or id.
   */
  'system_peer'?: (string);
  /**
   * `--peer-uuid`.
   */
  'peer_uuid'?: (string);
  /**
   * `--peer-name`.
   */
  'peer_name'?: (string);
  /**
   * `--manager-endpoint`.
   */
  'manager_endpoint'?: (string);
  /**
   * `--manager-username`.
   */
  'manager_username'?: (string);
  /**
   * `--manager-password`: input only, never returned.
   */
  'manager_password'?: (string);
  /**
   * `--peer-controller-gateway-address`.
   */
  'peer_controller_gateway_ip'?: (string);
  /**
   * `--administrative-state`.
   */
  'administrative_state'?: (string);
  /**
   * `--heartbeat-interval` in seconds.
   */
  'heartbeat_interval'?: (number);
  /**
   * `--heartbeat-failure-threshold`.
   */
  'heartbeat_failure_threshold'?: (number);
  /**
   * `--heartbeat-failure-policy`.
   */
  'heartbeat_failure_policy'?: (string);
  /**
   * `--heartbeat-maintenance-timeout` in seconds.
   */
  'heartbeat_maintenance_timeout'?: (number);
  '_peer_uuid'?: "peer_uuid";
  '_peer_name'?: "peer_name";
  '_manager_endpoint'?: "manager_endpoint";
  '_manager_username'?: "manager_username";
  '_manager_password'?: "manager_password";
  '_peer_controller_gateway_ip'?: "peer_controller_gateway_ip";
  '_administrative_state'?: "administrative_state";
  '_heartbeat_interval'?: "heartbeat_interval";
  '_heartbeat_failure_threshold'?: "heartbeat_failure_threshold";
  '_heartbeat_failure_policy'?: "heartbeat_failure_policy";
  '_heartbeat_maintenance_timeout'?: "heartbeat_maintenance_timeout";
}

/**
 * `dcmanager system-peer update`: absent fields stay as they are.
 */
export interface UpdateSystemPeerRequest__Output {
  /**
   * Peer name, uuid or id.
   */
  'system_peer': (string);
  /**
   * `--peer-uuid`.
   */
  'peer_uuid'?: (string);
  /**
   * `--peer-name`.
   */
  'peer_name'?: (string);
  /**
   * `--manager-endpoint`.
   */
  'manager_endpoint'?: (string);
  /**
   * `--manager-username`.
   */
  'manager_username'?: (string);
  /**
   * `--manager-password`: input only, never returned.
   */
  'manager_password'?: (string);
  /**
   * `--peer-controller-gateway-address`.
   */
  'peer_controller_gateway_ip'?: (string);
  /**
   * `--administrative-state`.
   */
  'administrative_state'?: (string);
  /**
   * `--heartbeat-interval` in seconds.
   */
  'heartbeat_interval'?: (number);
  /**
   * `--heartbeat-failure-threshold`.
   */
  'heartbeat_failure_threshold'?: (number);
  /**
   * `--heartbeat-failure-policy`.
   */
  'heartbeat_failure_policy'?: (string);
  /**
   * `--heartbeat-maintenance-timeout` in seconds.
   */
  'heartbeat_maintenance_timeout'?: (number);
  '_peer_uuid'?: "peer_uuid";
  '_peer_name'?: "peer_name";
  '_manager_endpoint'?: "manager_endpoint";
  '_manager_username'?: "manager_username";
  '_manager_password'?: "manager_password";
  '_peer_controller_gateway_ip'?: "peer_controller_gateway_ip";
  '_administrative_state'?: "administrative_state";
  '_heartbeat_interval'?: "heartbeat_interval";
  '_heartbeat_failure_threshold'?: "heartbeat_failure_threshold";
  '_heartbeat_failure_policy'?: "heartbeat_failure_policy";
  '_heartbeat_maintenance_timeout'?: "heartbeat_maintenance_timeout";
}
