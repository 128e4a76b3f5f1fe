// Original file: dc/manager/v1/manager.proto

import type { PeerGroupAssociation as _dc_manager_v1_PeerGroupAssociation, PeerGroupAssociation__Output as _dc_manager_v1_PeerGroupAssociation__Output } from '../../../dc/manager/v1/PeerGroupAssociation.js';

/**
 * Associations, ordered by id.
 */
export interface ListPeerGroupAssociationsResponse {
  /**
   * The associations.
   */
  'peer_group_associations'?: (_dc_manager_v1_PeerGroupAssociation)[];
}

/**
 * Associations, ordered by id.
 */
export interface ListPeerGroupAssociationsResponse__Output {
  /**
   * The associations.
   */
  'peer_group_associations': (_dc_manager_v1_PeerGroupAssociation__Output)[];
}
