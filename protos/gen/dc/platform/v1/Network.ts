// Original file: dc/platform/v1/platform.proto


/**
 * A platform network (`network-list`, `network-show`).
 */
export interface Network {
  /**
   * Integer id (`network-list` column `id`).
   */
  'id'?: (number);
  /**
   * Row uuid.
   */
  'uuid'?: (string);
  /**
   * Unique name, e.g. `oam`.
   */
  'name'?: (string);
  /**
   * One network per type: mgmt | oam | pxeboot | multicast | cluster-host | cluster-pod |
   * cluster-service | admin | storage | ironic | system-controller | system-controller-oam.
   */
  'type'?: (string);
  /**
   * Dynamic address allocation for non-controller hosts.
   */
  'dynamic'?: (boolean);
  /**
   * uuid of the primary pool; absent when the network has none.
   */
  'pool_uuid'?: (string);
  /**
   * Family of the primary pool (IPv4 | IPv6); absent when the network has no pool. Never changes once set.
   */
  'primary_pool_family'?: (string);
  '_pool_uuid'?: "pool_uuid";
  '_primary_pool_family'?: "primary_pool_family";
}

/**
 * A platform network (`network-list`, `network-show`).
 */
export interface Network__Output {
  /**
   * Integer id (`network-list` column `id`).
   */
  'id': (number);
  /**
   * Row uuid.
   */
  'uuid': (string);
  /**
   * Unique name, e.g. `oam`.
   */
  'name': (string);
  /**
   * One network per type: mgmt | oam | pxeboot | multicast | cluster-host | cluster-pod |
   * cluster-service | admin | storage | ironic | system-controller | system-controller-oam.
   */
  'type': (string);
  /**
   * Dynamic address allocation for non-controller hosts.
   */
  'dynamic': (boolean);
  /**
   * uuid of the primary pool; absent when the network has none.
   */
  'pool_uuid'?: (string);
  /**
   * Family of the primary pool (IPv4 | IPv6); absent when the network has no pool. Never changes once set.
   */
  'primary_pool_family'?: (string);
  '_pool_uuid'?: "pool_uuid";
  '_primary_pool_family'?: "primary_pool_family";
}
