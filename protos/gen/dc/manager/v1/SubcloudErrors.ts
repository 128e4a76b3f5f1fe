// Original file: dc/manager/v1/manager.proto


/**
 * The last error of a subcloud.
 */
export interface SubcloudErrors {
  /**
   * Subcloud name.
   */
  'name'?: (string);
  /**
   * The error text; `No errors present` when none.
   */
  'error_description'?: (string);
}

/**
 * The last error of a subcloud.
 */
export interface SubcloudErrors__Output {
  /**
   * Subcloud name.
   */
  'name': (string);
  /**
   * The error text; `No errors present` when none.
   */
  'error_description': (string);
}
