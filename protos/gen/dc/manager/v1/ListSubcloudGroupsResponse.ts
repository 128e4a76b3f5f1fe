// Original file: dc/manager/v1/manager.proto

import type { SubcloudGroup as _dc_manager_v1_SubcloudGroup, SubcloudGroup__Output as _dc_manager_v1_SubcloudGroup__Output } from '../../../dc/manager/v1/SubcloudGroup.js';

/**
 * Groups, ordered by id.
 */
export interface ListSubcloudGroupsResponse {
  /**
   * The groups.
   */
  'subcloud_groups'?: (_dc_manager_v1_SubcloudGroup)[];
}

/**
 * Groups, ordered by id.
 */
export interface ListSubcloudGroupsResponse__Output {
  /**
   * The groups.
   */
  'subcloud_groups': (_dc_manager_v1_SubcloudGroup__Output)[];
}
