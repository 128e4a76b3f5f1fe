// Original file: dc/geo/v1/geo.proto

import type { Long } from '@grpc/proto-loader';

/**
 * A member left the group (or was deleted): the peer drops its copy.
 */
export interface MemberRemoved {
  /**
   * The group's uuid.
   */
  'group_uuid'?: (string);
  /**
   * Ownership epoch the sender leads the group at.
   */
  'epoch'?: (number | string | Long);
  /**
   * Region name of the member.
   */
  'region_name'?: (string);
}

/**
 * A member left the group (or was deleted): the peer drops its copy.
 */
export interface MemberRemoved__Output {
  /**
   * The group's uuid.
   */
  'group_uuid': (string);
  /**
   * Ownership epoch the sender leads the group at.
   */
  'epoch': (string);
  /**
   * Region name of the member.
   */
  'region_name': (string);
}
