// Original file: dc/geo/v1/geo.proto


/**
 * A member the receiving site could not apply.
 */
export interface MemberFailure {
  /**
   * Subcloud name (or what failed, for a failure of the whole group).
   */
  'subcloud'?: (string);
  /**
   * Region name; empty for a failure of the whole group.
   */
  'region_name'?: (string);
  /**
   * Why.
   */
  'error'?: (string);
}

/**
 * A member the receiving site could not apply.
 */
export interface MemberFailure__Output {
  /**
   * Subcloud name (or what failed, for a failure of the whole group).
   */
  'subcloud': (string);
  /**
   * Region name; empty for a failure of the whole group.
   */
  'region_name': (string);
  /**
   * Why.
   */
  'error': (string);
}
