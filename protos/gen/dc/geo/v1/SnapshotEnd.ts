// Original file: dc/geo/v1/geo.proto

import type { Long } from '@grpc/proto-loader';

/**
 * Ends a full snapshot: copies in the group whose region is not listed are deleted.
 */
export interface SnapshotEnd {
  /**
   * The group's uuid.
   */
  'group_uuid'?: (string);
  /**
   * Ownership epoch the sender leads the group at.
   */
  'epoch'?: (number | string | Long);
  /**
   * Region names of every member of the snapshot.
   */
  'region_names'?: (string)[];
}

/**
 * Ends a full snapshot: copies in the group whose region is not listed are deleted.
 */
export interface SnapshotEnd__Output {
  /**
   * The group's uuid.
   */
  'group_uuid': (string);
  /**
   * Ownership epoch the sender leads the group at.
   */
  'epoch': (string);
  /**
   * Region names of every member of the snapshot.
   */
  'region_names': (string)[];
}
