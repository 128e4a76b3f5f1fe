// Original file: dc/manager/v1/manager.proto


/**
 * One entry of the fault history: an alarm raised (`set`) or cleared (`clear`).
 */
export interface Event {
  'uuid'?: (string);
  /**
   * When the alarm was raised or cleared, RFC 3339 UTC with milliseconds.
   */
  'timestamp'?: (string);
  /**
   * set | clear | log.
   */
  'state'?: (string);
  /**
   * The alarm id, e.g. `280.001`.
   */
  'event_log_id'?: (string);
  'reason_text'?: (string);
  'entity_instance_id'?: (string);
  /**
   * critical | major | minor | warning.
   */
  'severity'?: (string);
  'proposed_repair_action'?: (string);
  'service_affecting'?: (boolean);
  /**
   * The region the alarm was listed under.
   */
  'region'?: (string);
}

/**
 * One entry of the fault history: an alarm raised (`set`) or cleared (`clear`).
 */
export interface Event__Output {
  'uuid': (string);
  /**
   * When the alarm was raised or cleared, RFC 3339 UTC with milliseconds.
   */
  'timestamp': (string);
  /**
   * set | clear | log.
   */
  'state': (string);
  /**
   * The alarm id, e.g. `280.001`.
   */
  'event_log_id': (string);
  'reason_text': (string);
  'entity_instance_id': (string);
  /**
   * critical | major | minor | warning.
   */
  'severity': (string);
  'proposed_repair_action': (string);
  'service_affecting': (boolean);
  /**
   * The region the alarm was listed under.
   */
  'region': (string);
}
