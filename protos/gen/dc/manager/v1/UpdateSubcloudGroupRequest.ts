// Original file: dc/manager/v1/manager.proto


/**
 * `dcmanager subcloud-group update`: absent fields stay as they are.
 */
export interface UpdateSubcloudGroupRequest {
  /**
   * Group name or id.
   */
  'group'?: (string);
  /**
   * `--name` (the Default group cannot be renamed).
   */
  'name'?: (string);
  /**
   * `--description`.
   */
  'description'?: (string);
  /**
   * `--update_apply_type`: parallel | serial.
   */
  'update_apply_type'?: (string);
  /**
   * `--max_parallel_subclouds`: 1..5000.
   */
  'max_parallel_subclouds'?: (number);
  '_name'?: "name";
  '_description'?: "description";
  '_update_apply_type'?: "update_apply_type";
  '_max_parallel_subclouds'?: "max_parallel_subclouds";
}

/**
 * `dcmanager subcloud-group update`: absent fields stay as they are.
 */
export interface UpdateSubcloudGroupRequest__Output {
  /**
   * Group name or id.
   */
  'group': (string);
  /**
   * `--name` (the Default group cannot be renamed).
   */
  'name'?: (string);
  /**
   * `--description`.
   */
  'description'?: (string);
  /**
   * `--update_apply_type`: parallel | serial.
   */
  'update_apply_type'?: (string);
  /**
   * `--max_parallel_subclouds`: 1..5000.
   */
  'max_parallel_subclouds'?: (number);
  '_name'?: "name";
  '_description'?: "description";
  '_update_apply_type'?: "update_apply_type";
  '_max_parallel_subclouds'?: "max_parallel_subclouds";
}
