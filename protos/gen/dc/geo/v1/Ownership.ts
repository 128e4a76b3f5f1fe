// Original file: dc/geo/v1/geo.proto

import type { Long } from '@grpc/proto-loader';

/**
 * Who leads a peer group, and the fencing epoch its agents obey: the value of the group's key in
 * the KV bucket, changed only by compare-and-set.
 */
export interface Ownership {
  /**
   * The writer's revision of this file.
   */
  'schema_revision'?: (number);
  /**
   * Site id of the leader.
   */
  'leader'?: (string);
  /**
   * System name of the leader.
   */
  'leader_name'?: (string);
  /**
   * Fencing epoch, at least 1.
   */
  'epoch'?: (number | string | Long);
}

/**
 * Who leads a peer group, and the fencing epoch its agents obey: the value of the group's key in
 * the KV bucket, changed only by compare-and-set.
 */
export interface Ownership__Output {
  /**
   * The writer's revision of this file.
   */
  'schema_revision': (number);
  /**
   * Site id of the leader.
   */
  'leader': (string);
  /**
   * System name of the leader.
   */
  'leader_name': (string);
  /**
   * Fencing epoch, at least 1.
   */
  'epoch': (string);
}
