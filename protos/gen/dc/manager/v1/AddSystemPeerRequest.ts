// Original file: dc/manager/v1/manager.proto


/**
 * `dcmanager system-peer add`.
 */
export interface AddSystemPeerRequest {
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
   * `--administrative-state`; absent means enabled.
   */
  'administrative_state'?: (string);
  /**
   * `--heartbeat-interval` in seconds; absent means 60.
   */
  'heartbeat_interval'?: (number);
  /**
   * `--heartbeat-failure-threshold`; absent means 3.
   */
  'heartbeat_failure_threshold'?: (number);
  /**
   * `--heartbeat-failure-policy`; absent means alarm.
   */
  'heartbeat_failure_policy'?: (string);
  /**
   * `--heartbeat-maintenance-timeout` in seconds; absent means 600.
   */
  'heartbeat_maintenance_timeout'?: (number);
  '_administrative_state'?: "administrative_state";
  '_heartbeat_interval'?: "heartbeat_interval";
  '_heartbeat_failure_threshold'?: "heartbeat_failure_threshold";
  '_heartbeat_failure_policy'?: "heartbeat_failure_policy";
  '_heartbeat_maintenance_timeout'?: "heartbeat_maintenance_timeout";
}

/**
 * `dcmanager system-peer add`.
 */
export interface AddSystemPeerRequest__Output {
  /**
   * `--peer-uuid`.
   */
  'peer_uuid': (string);
  /**
   * `--peer-name`.
   */
  'peer_name': (string);
  /**
   * `--manager-endpoint`.
   */
  'manager_endpoint': (string);
  /**
   * `--manager-username`.
   */
  'manager_username': (string);
  /**
   * `--manager-password`: input only, never returned.
   */
  'manager_password': (string);
  /**
   * `--peer-controller-gateway-address`.
   */
  'peer_controller_gateway_ip': (string);
  /**
   * `--administrative-state`; absent means enabled.
   */
  'administrative_state'?: (string);
  /**
   * `--heartbeat-interval` in seconds; absent means 60.
   */
  'heartbeat_interval'?: (number);
  /**
   * `--heartbeat-failure-threshold`; absent means 3.
   */
  'heartbeat_failure_threshold'?: (number);
  /**
   * `--heartbeat-failure-policy`; absent means alarm.
   */
  'heartbeat_failure_policy'?: (string);
  /**
   * `--heartbeat-maintenance-timeout` in seconds; absent means 600.
   */
  'heartbeat_maintenance_timeout'?: (number);
  '_administrative_state'?: "administrative_state";
  '_heartbeat_interval'?: "heartbeat_interval";
  '_heartbeat_failure_threshold'?: "heartbeat_failure_threshold";
  '_heartbeat_failure_policy'?: "heartbeat_failure_policy";
  '_heartbeat_maintenance_timeout'?: "heartbeat_maintenance_timeout";
}
