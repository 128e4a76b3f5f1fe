// Original file: dc/manager/v1/manager.proto

import type { SubcloudPeerGroup as _dc_manager_v1_SubcloudPeerGroup, SubcloudPeerGroup__Output as _dc_manager_v1_SubcloudPeerGroup__Output } from '../../../dc/manager/v1/SubcloudPeerGroup.js';

/**
 * Peer groups, ordered by id.
 */
export interface ListSubcloudPeerGroupsResponse {
  /**
   * The peer groups.
   */
  'subcloud_peer_groups'?: (_dc_manager_v1_SubcloudPeerGroup)[];
}

/**
 * Peer groups, ordered by id.
 */
export interface ListSubcloudPeerGroupsResponse__Output {
  /**
   * The peer groups.
   */
  'subcloud_peer_groups': (_dc_manager_v1_SubcloudPeerGroup__Output)[];
}
