// Original file: dc/geo/v1/geo.proto


/**
 * A member subcloud as its secondary copy on the peer needs it. Never carries a secret.
 */
export interface MemberCopy {
  /**
   * Subcloud name.
   */
  'name'?: (string);
  /**
   * Region name, the same on both sites.
   */
  'region_name'?: (string);
  /**
   * Description.
   */
  'description'?: (string);
  /**
   * Location.
   */
  'location'?: (string);
  /**
   * Software version.
   */
  'software_version'?: (string);
  /**
   * The agent's primary address, `host:port` (IPv6 bracketed).
   */
  'bootstrap_address'?: (string);
  /**
   * Bootstrap values without secrets, the controller gateway already swapped for the receiver's,
   * as a JSON object: the receiver keeps them verbatim as the copy's rehome data.
   */
  'values_json'?: (string);
}

/**
 * A member subcloud as its secondary copy on the peer needs it. Never carries a secret.
 */
export interface MemberCopy__Output {
  /**
   * Subcloud name.
   */
  'name': (string);
  /**
   * Region name, the same on both sites.
   */
  'region_name': (string);
  /**
   * Description.
   */
  'description': (string);
  /**
   * Location.
   */
  'location': (string);
  /**
   * Software version.
   */
  'software_version': (string);
  /**
   * The agent's primary address, `host:port` (IPv6 bracketed).
   */
  'bootstrap_address': (string);
  /**
   * Bootstrap values without secrets, the controller gateway already swapped for the receiver's,
   * as a JSON object: the receiver keeps them verbatim as the copy's rehome data.
   */
  'values_json': (string);
}
