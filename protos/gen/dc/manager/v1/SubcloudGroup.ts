// Original file: dc/manager/v1/manager.proto


/**
 * A subcloud group.
 */
export interface SubcloudGroup {
  /**
   * Integer id; 1 is the Default group.
   */
  'id'?: (number);
  /**
   * Unique name.
   */
  'name'?: (string);
  /**
   * Free text.
   */
  'description'?: (string);
  /**
   * parallel | serial.
   */
  'update_apply_type'?: (string);
  /**
   * Subclouds updated in parallel, 1..5000.
   */
  'max_parallel_subclouds'?: (number);
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
 * A subcloud group.
 */
export interface SubcloudGroup__Output {
  /**
   * Integer id; 1 is the Default group.
   */
  'id': (number);
  /**
   * Unique name.
   */
  'name': (string);
  /**
   * Free text.
   */
  'description': (string);
  /**
   * parallel | serial.
   */
  'update_apply_type': (string);
  /**
   * Subclouds updated in parallel, 1..5000.
   */
  'max_parallel_subclouds': (number);
  /**
   * Creation time.
   */
  'created_at': (string);
  /**
   * Last update time; empty when never updated.
   */
  'updated_at': (string);
}
