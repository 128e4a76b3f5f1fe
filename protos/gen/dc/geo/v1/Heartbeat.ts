// Original file: dc/geo/v1/geo.proto

import type { Long } from '@grpc/proto-loader';

/**
 * A site's heartbeat, on core NATS every heartbeat interval.
 */
export interface Heartbeat {
  /**
   * The writer's revision of this file.
   */
  'schema_revision'?: (number);
  /**
   * Site id of the sender.
   */
  'site'?: (string);
  /**
   * System name of the sender.
   */
  'name'?: (string);
  /**
   * Sender's wall-clock time, milliseconds since the Unix epoch.
   */
  'sent_at_ms'?: (number | string | Long);
  /**
   * Highest sequence of each peer's stream the sender applied, by peer site id; the keys are the
   * peers the sender knows.
   */
  'applied'?: ({[key: string]: number | string | Long});
}

/**
 * A site's heartbeat, on core NATS every heartbeat interval.
 */
export interface Heartbeat__Output {
  /**
   * The writer's revision of this file.
   */
  'schema_revision': (number);
  /**
   * Site id of the sender.
   */
  'site': (string);
  /**
   * System name of the sender.
   */
  'name': (string);
  /**
   * Sender's wall-clock time, milliseconds since the Unix epoch.
   */
  'sent_at_ms': (string);
  /**
   * Highest sequence of each peer's stream the sender applied, by peer site id; the keys are the
   * peers the sender knows.
   */
  'applied': ({[key: string]: string});
}
