// Original file: dc/manager/v1/manager.proto


/**
 * `dcmanager subcloud-group show`, `delete` and `list-subclouds`.
 */
export interface SubcloudGroupRef {
  /**
   * Group name or id.
   */
  'group'?: (string);
}

/**
 * `dcmanager subcloud-group show`, `delete` and `list-subclouds`.
 */
export interface SubcloudGroupRef__Output {
  /**
   * Group name or id.
   */
  'group': (string);
}
