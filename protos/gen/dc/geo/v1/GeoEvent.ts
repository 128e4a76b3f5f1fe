// Original file: dc/geo/v1/geo.proto

import type { GroupState as _dc_geo_v1_GroupState, GroupState__Output as _dc_geo_v1_GroupState__Output } from '../../../dc/geo/v1/GroupState.js';
import type { Members as _dc_geo_v1_Members, Members__Output as _dc_geo_v1_Members__Output } from '../../../dc/geo/v1/Members.js';
import type { MemberRemoved as _dc_geo_v1_MemberRemoved, MemberRemoved__Output as _dc_geo_v1_MemberRemoved__Output } from '../../../dc/geo/v1/MemberRemoved.js';
import type { SnapshotEnd as _dc_geo_v1_SnapshotEnd, SnapshotEnd__Output as _dc_geo_v1_SnapshotEnd__Output } from '../../../dc/geo/v1/SnapshotEnd.js';
import type { AssociationRemoved as _dc_geo_v1_AssociationRemoved, AssociationRemoved__Output as _dc_geo_v1_AssociationRemoved__Output } from '../../../dc/geo/v1/AssociationRemoved.js';

/**
 * One change of a peer group the sending site leads, addressed to one peer site.
 */
export interface GeoEvent {
  /**
   * The writer's revision of this file.
   */
  'schema_revision'?: (number);
  /**
   * Site id of the sender.
   */
  'from'?: (string);
  /**
   * Site id of the receiver.
   */
  'to'?: (string);
  /**
   * The group's settings or leader.
   */
  'group'?: (_dc_geo_v1_GroupState | null);
  /**
   * Member copies.
   */
  'members'?: (_dc_geo_v1_Members | null);
  /**
   * A member removed.
   */
  'member_removed'?: (_dc_geo_v1_MemberRemoved | null);
  /**
   * The end of a full snapshot.
   */
  'snapshot_end'?: (_dc_geo_v1_SnapshotEnd | null);
  /**
   * The association removed.
   */
  'association_removed'?: (_dc_geo_v1_AssociationRemoved | null);
  /**
   * Exactly one is set. 4 to 7 are left for envelope fields, so those keep one-byte tags too; a new
   * kind takes 13 onwards, and a reader of an older revision refuses an event of a kind it lacks.
   */
  'kind'?: "group"|"members"|"member_removed"|"snapshot_end"|"association_removed";
}

/**
 * One change of a peer group the sending site leads, addressed to one peer site.
 */
export interface GeoEvent__Output {
  /**
   * The writer's revision of this file.
   */
  'schema_revision': (number);
  /**
   * Site id of the sender.
   */
  'from': (string);
  /**
   * Site id of the receiver.
   */
  'to': (string);
  /**
   * The group's settings or leader.
   */
  'group'?: (_dc_geo_v1_GroupState__Output | null);
  /**
   * Member copies.
   */
  'members'?: (_dc_geo_v1_Members__Output | null);
  /**
   * A member removed.
   */
  'member_removed'?: (_dc_geo_v1_MemberRemoved__Output | null);
  /**
   * The end of a full snapshot.
   */
  'snapshot_end'?: (_dc_geo_v1_SnapshotEnd__Output | null);
  /**
   * The association removed.
   */
  'association_removed'?: (_dc_geo_v1_AssociationRemoved__Output | null);
  /**
   * Exactly one is set. 4 to 7 are left for envelope fields, so those keep one-byte tags too; a new
   * kind takes 13 onwards, and a reader of an older revision refuses an event of a kind it lacks.
   */
  'kind'?: "group"|"members"|"member_removed"|"snapshot_end"|"association_removed";
}
