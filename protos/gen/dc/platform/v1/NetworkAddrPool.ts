// Original file: dc/platform/v1/platform.proto


/**
 * An association of a pool with a network (`network-addrpool-list`, `network-addrpool-show`).
 * The first pool assigned to a network is its primary pool.
 */
export interface NetworkAddrPool {
  /**
   * Integer id.
   */
  'id'?: (number);
  /**
   * Row uuid (the argument of `network-addrpool-remove`).
   */
  'uuid'?: (string);
  /**
   * Id of the network.
   */
  'network_id'?: (number);
  /**
   * uuid of the network.
   */
  'network_uuid'?: (string);
  /**
   * Name of the network.
   */
  'network_name'?: (string);
  /**
   * Id of the pool.
   */
  'address_pool_id'?: (number);
  /**
   * uuid of the pool.
   */
  'address_pool_uuid'?: (string);
  /**
   * Name of the pool.
   */
  'address_pool_name'?: (string);
}

/**
 * An association of a pool with a network (`network-addrpool-list`, `network-addrpool-show`).
 * The first pool assigned to a network is its primary pool.
 */
export interface NetworkAddrPool__Output {
  /**
   * Integer id.
   */
  'id': (number);
  /**
   * Row uuid (the argument of `network-addrpool-remove`).
   */
  'uuid': (string);
  /**
   * Id of the network.
   */
  'network_id': (number);
  /**
   * uuid of the network.
   */
  'network_uuid': (string);
  /**
   * Name of the network.
   */
  'network_name': (string);
  /**
   * Id of the pool.
   */
  'address_pool_id': (number);
  /**
   * uuid of the pool.
   */
  'address_pool_uuid': (string);
  /**
   * Name of the pool.
   */
  'address_pool_name': (string);
}
