// Original file: dc/manager/v1/manager.proto


/**
 * A system peer: the other system controller of a geo-redundant pair (spec 4.1).
 */
export interface SystemPeer {
  /**
   * Integer id.
   */
  'id'?: (number);
  /**
   * The peer's system uuid.
   */
  'peer_uuid'?: (string);
  /**
   * Unique name.
   */
  'peer_name'?: (string);
  /**
   * The peer's manager endpoint (URL or NATS-reachable address of its controller).
   */
  'manager_endpoint'?: (string);
  /**
   * User name for the peer's manager.
   */
  'manager_username'?: (string);
  /**
   * Gateway subclouds use to reach the peer controller; replaces the controller gateway in synced copies.
   */
  'peer_controller_gateway_ip'?: (string);
  /**
   * enabled | disabled.
   */
  'administrative_state'?: (string);
  /**
   * Seconds between heartbeats, 10..600 (default 60).
   */
  'heartbeat_interval'?: (number);
  /**
   * Missed heartbeats before failure, 1..30 (default 3).
   */
  'heartbeat_failure_threshold'?: (number);
  /**
   * alarm | rehome | delegate (default alarm).
   */
  'heartbeat_failure_policy'?: (string);
  /**
   * Seconds to wait after a heartbeat failure before the policy acts, 300..36000 (default 600).
   */
  'heartbeat_maintenance_timeout'?: (number);
  /**
   * created | available | unavailable.
   */
  'availability_state'?: (string);
  /**
   * Creation time.
   */
  'created_at'?: (string);
  /**
   * Last update time; empty when never updated.
   */
  'updated_at'?: (string);
}

/**
 * A system peer: the other system controller of a geo-redundant pair (spec 4.1).
 */
export interface SystemPeer__Output {
  /**
   * Integer id.
   */
  'id': (number);
  /**
   * The peer's system uuid.
   */
  'peer_uuid': (string);
  /**
   * Unique name.
   */
  'peer_name': (string);
  /**
   * The peer's manager endpoint (URL or NATS-reachable address of its controller).
   */
  'manager_endpoint': (string);
  /**
   * User name for the peer's manager.
   */
  'manager_username': (string);
  /**
   * Gateway subclouds use to reach the peer controller; replaces the controller gateway in synced copies.
   */
  'peer_controller_gateway_ip': (string);
  /**
   * enabled | disabled.
   */
  'administrative_state': (string);
  /**
   * Seconds between heartbeats, 10..600 (default 60).
   */
  'heartbeat_interval': (number);
  /**
   * Missed heartbeats before failure, 1..30 (default 3).
   */
  'heartbeat_failure_threshold': (number);
  /**
   * alarm | rehome | delegate (default alarm).
   */
  'heartbeat_failure_policy': (string);
  /**
   * Seconds to wait after a heartbeat failure before the policy acts, 300..36000 (default 600).
   */
  'heartbeat_maintenance_timeout': (number);
  /**
   * created | available | unavailable.
   */
  'availability_state': (string);
  /**
   * Creation time.
   */
  'created_at': (string);
  /**
   * Last update time; empty when never updated.
   */
  'updated_at': (string);
}
