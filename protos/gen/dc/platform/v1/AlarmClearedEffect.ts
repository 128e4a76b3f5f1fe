// Original file: dc/platform/v1/platform.proto


/**
 * An alarm cleared by a command.
 */
export interface AlarmClearedEffect {
  /**
   * Alarm id, e.g. `250.001`.
   */
  'alarm_id'?: (string);
  /**
   * Entity instance of the cleared alarm.
   */
  'entity_instance_id'?: (string);
}

/**
 * An alarm cleared by a command.
 */
export interface AlarmClearedEffect__Output {
  /**
   * Alarm id, e.g. `250.001`.
   */
  'alarm_id': (string);
  /**
   * Entity instance of the cleared alarm.
   */
  'entity_instance_id': (string);
}
