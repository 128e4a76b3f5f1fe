// Original file: dc/geo/v1/geo.proto

import type { MemberFailure as _dc_geo_v1_MemberFailure, MemberFailure__Output as _dc_geo_v1_MemberFailure__Output } from '../../../dc/geo/v1/MemberFailure.js';
import type { Long } from '@grpc/proto-loader';

/**
 * What a site applied of one message of a peer's stream.
 */
export interface ApplyAck {
  /**
   * The writer's revision of this file.
   */
  'schema_revision'?: (number);
  /**
   * Site id of the sender (the site that applied).
   */
  'site'?: (string);
  /**
   * Stream sequence of the message applied.
   */
  'seq'?: (number | string | Long);
  /**
   * The group's uuid.
   */
  'group_uuid'?: (string);
  /**
   * Subclouds (names) the message created, changed or deleted.
   */
  'subclouds'?: (string)[];
  /**
   * The group's members the site could not apply, as of this message.
   */
  'failures'?: (_dc_geo_v1_MemberFailure)[];
  /**
   * Sender's wall-clock time when applied, milliseconds since the Unix epoch.
   */
  'applied_at_ms'?: (number | string | Long);
}

/**
 * What a site applied of one message of a peer's stream.
 */
export interface ApplyAck__Output {
  /**
   * The writer's revision of this file.
   */
  'schema_revision': (number);
  /**
   * Site id of the sender (the site that applied).
   */
  'site': (string);
  /**
   * Stream sequence of the message applied.
   */
  'seq': (string);
  /**
   * The group's uuid.
   */
  'group_uuid': (string);
  /**
   * Subclouds (names) the message created, changed or deleted.
   */
  'subclouds': (string)[];
  /**
   * The group's members the site could not apply, as of this message.
   */
  'failures': (_dc_geo_v1_MemberFailure__Output)[];
  /**
   * Sender's wall-clock time when applied, milliseconds since the Unix epoch.
   */
  'applied_at_ms': (string);
}
