// Original file: dc/manager/v1/manager.proto


/**
 * `dcmanager subcloud-group add`.
 */
export interface AddSubcloudGroupRequest {
  /**
   * `--name`.
   */
  'name'?: (string);
  /**
   * `--description`; absent means empty.
   */
  'description'?: (string);
  /**
   * `--update_apply_type`: parallel | serial; absent means parallel.
   */
  'update_apply_type'?: (string);
  /**
   * `--max_parallel_subclouds`: 1..5000; absent means 2.
   */
  'max_parallel_subclouds'?: (number);
  '_description'?: "description";
  '_update_apply_type'?: "update_apply_type";
  '_max_parallel_subclouds'?: "max_parallel_subclouds";
}

/**
 * `dcmanager subcloud-group add`.
 */
export interface AddSubcloudGroupRequest__Output {
  /**
   * `--name`.
   */
  'name': (string);
  /**
   * `--description`; absent means empty.
   */
  'description'?: (string);
  /**
   * `--update_apply_type`: parallel | serial; absent means parallel.
   */
  'update_apply_type'?: (string);
  /**
   * `--max_parallel_subclouds`: 1..5000; absent means 2.
   */
  'max_parallel_subclouds'?: (number);
  '_description'?: "description";
  '_update_apply_type'?: "update_apply_type";
  '_max_parallel_subclouds'?: "max_parallel_subclouds";
}
