// Original file: dc/platform/v1/platform.proto


/**
 * Why a command was rejected (a netmodel error).
 */
export interface CommandError {
  /**
   * Stable netmodel error code, e.g. `ADDRESS_SYNTAX`.
   */
  'code'?: (string);
  /**
   * invalid-argument | failed-precondition | not-found | already-exists.
   */
  'category'?: (string);
  /**
   * StarlingX-like message naming the rule.
   */
  'message'?: (string);
  /**
   * The command field the error is about; empty when none.
   */
  'field'?: (string);
}

/**
 * Why a command was rejected (a netmodel error).
 */
export interface CommandError__Output {
  /**
   * Stable netmodel error code, e.g. `ADDRESS_SYNTAX`.
   */
  'code': (string);
  /**
   * invalid-argument | failed-precondition | not-found | already-exists.
   */
  'category': (string);
  /**
   * StarlingX-like message naming the rule.
   */
  'message': (string);
  /**
   * The command field the error is about; empty when none.
   */
  'field': (string);
}
