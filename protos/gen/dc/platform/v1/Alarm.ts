// Original file: dc/platform/v1/platform.proto

import type { Long } from '@grpc/proto-loader';

/**
 * An FM alarm (`fm alarm-list`).
 */
export interface Alarm {
  /**
   * Alarm id, e.g. `250.001`.
   */
  'alarm_id'?: (string);
  /**
   * Entity instance, e.g. `host=controller-0` or `subcloud=subcloud1`.
   */
  'entity_instance_id'?: (string);
  /**
   * Reason text.
   */
  'reason_text'?: (string);
  /**
   * critical | major | minor | warning.
   */
  'severity'?: (string);
  /**
   * Generation of the state in which the alarm was raised (0 for alarms not raised by a command).
   */
  'raised_at_generation'?: (number | string | Long);
  /**
   * uuid of the alarm instance; empty when the server does not assign one.
   */
  'uuid'?: (string);
  /**
   * When the alarm was raised, RFC 3339 UTC; empty when unknown.
   */
  'timestamp'?: (string);
}

/**
 * An FM alarm (`fm alarm-list`).
 */
export interface Alarm__Output {
  /**
   * Alarm id, e.g. `250.001`.
   */
  'alarm_id': (string);
  /**
   * Entity instance, e.g. `host=controller-0` or `subcloud=subcloud1`.
   */
  'entity_instance_id': (string);
  /**
   * Reason text.
   */
  'reason_text': (string);
  /**
   * critical | major | minor | warning.
   */
  'severity': (string);
  /**
   * Generation of the state in which the alarm was raised (0 for alarms not raised by a command).
   */
  'raised_at_generation': (string);
  /**
   * uuid of the alarm instance; empty when the server does not assign one.
   */
  'uuid': (string);
  /**
   * When the alarm was raised, RFC 3339 UTC; empty when unknown.
   */
  'timestamp': (string);
}
