// Original file: dc/geo/v1/geo.proto

import type { AdministrativeState as _dc_geo_v1_AdministrativeState, AdministrativeState__Output as _dc_geo_v1_AdministrativeState__Output } from '../../../dc/geo/v1/AdministrativeState.js';
import type { MigrationStatus as _dc_geo_v1_MigrationStatus, MigrationStatus__Output as _dc_geo_v1_MigrationStatus__Output } from '../../../dc/geo/v1/MigrationStatus.js';
import type { Long } from '@grpc/proto-loader';

/**
 * A peer group as its leader tells a peer to hold it.
 */
export interface GroupState {
  /**
   * The group's uuid, the same on both sites.
   */
  'uuid'?: (string);
  /**
   * Peer group name.
   */
  'name'?: (string);
  /**
   * The priority the receiving site gives the group (the association's peer_group_priority).
   */
  'priority'?: (number);
  /**
   * Administrative state.
   */
  'state'?: (_dc_geo_v1_AdministrativeState);
  /**
   * Members rehomed in parallel by a migration.
   */
  'max_subcloud_rehoming'?: (number);
  /**
   * Site id of the leader.
   */
  'leader_id'?: (string);
  /**
   * System name of the leader.
   */
  'leader_name'?: (string);
  /**
   * Migration status.
   */
  'migration_status'?: (_dc_geo_v1_MigrationStatus);
  /**
   * Ownership epoch of the leader.
   */
  'epoch'?: (number | string | Long);
}

/**
 * A peer group as its leader tells a peer to hold it.
 */
export interface GroupState__Output {
  /**
   * The group's uuid, the same on both sites.
   */
  'uuid': (string);
  /**
   * Peer group name.
   */
  'name': (string);
  /**
   * The priority the receiving site gives the group (the association's peer_group_priority).
   */
  'priority': (number);
  /**
   * Administrative state.
   */
  'state': (_dc_geo_v1_AdministrativeState__Output);
  /**
   * Members rehomed in parallel by a migration.
   */
  'max_subcloud_rehoming': (number);
  /**
   * Site id of the leader.
   */
  'leader_id': (string);
  /**
   * System name of the leader.
   */
  'leader_name': (string);
  /**
   * Migration status.
   */
  'migration_status': (_dc_geo_v1_MigrationStatus__Output);
  /**
   * Ownership epoch of the leader.
   */
  'epoch': (string);
}
