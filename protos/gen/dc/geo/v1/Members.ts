// Original file: dc/geo/v1/geo.proto

import type { MemberCopy as _dc_geo_v1_MemberCopy, MemberCopy__Output as _dc_geo_v1_MemberCopy__Output } from '../../../dc/geo/v1/MemberCopy.js';
import type { Long } from '@grpc/proto-loader';

/**
 * Copies of members of a group, added or changed (a full snapshot sends them in chunks).
 */
export interface Members {
  /**
   * The group's uuid.
   */
  'group_uuid'?: (string);
  /**
   * Ownership epoch the sender leads the group at.
   */
  'epoch'?: (number | string | Long);
  /**
   * The copies.
   */
  'members'?: (_dc_geo_v1_MemberCopy)[];
}

/**
 * Copies of members of a group, added or changed (a full snapshot sends them in chunks).
 */
export interface Members__Output {
  /**
   * The group's uuid.
   */
  'group_uuid': (string);
  /**
   * Ownership epoch the sender leads the group at.
   */
  'epoch': (string);
  /**
   * The copies.
   */
  'members': (_dc_geo_v1_MemberCopy__Output)[];
}
