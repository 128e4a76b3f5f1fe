// Original file: dc/manager/v1/manager.proto

import type { SystemPeer as _dc_manager_v1_SystemPeer, SystemPeer__Output as _dc_manager_v1_SystemPeer__Output } from '../../../dc/manager/v1/SystemPeer.js';

/**
 * System peers, ordered by id.
 */
export interface ListSystemPeersResponse {
  /**
   * The peers.
   */
  'system_peers'?: (_dc_manager_v1_SystemPeer)[];
}

/**
 * System peers, ordered by id.
 */
export interface ListSystemPeersResponse__Output {
  /**
   * The peers.
   */
  'system_peers': (_dc_manager_v1_SystemPeer__Output)[];
}
