// Original file: dc/platform/v1/platform.proto


/**
 * `system network-add`.
 */
export interface NetworkAdd {
  /**
   * uuid for the new network; absent lets the server derive one.
   */
  'uuid'?: (string);
  /**
   * Unique network name.
   */
  'name'?: (string);
  /**
   * Network type (see Network.type).
   */
  'type'?: (string);
  /**
   * Dynamic address allocation.
   */
  'dynamic'?: (boolean);
  /**
   * Primary pool, name or uuid.
   */
  'pool'?: (string);
  '_uuid'?: "uuid";
}

/**
 * `system network-add`.
 */
export interface NetworkAdd__Output {
  /**
   * uuid for the new network; absent lets the server derive one.
   */
  'uuid'?: (string);
  /**
   * Unique network name.
   */
  'name': (string);
  /**
   * Network type (see Network.type).
   */
  'type': (string);
  /**
   * Dynamic address allocation.
   */
  'dynamic': (boolean);
  /**
   * Primary pool, name or uuid.
   */
  'pool': (string);
  '_uuid'?: "uuid";
}
