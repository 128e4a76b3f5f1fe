// Original file: dc/manager/v1/manager.proto


/**
 * An active alarm with every field FM shows.
 */
export interface AlarmDetail {
  'uuid'?: (string);
  'alarm_id'?: (string);
  /**
   * Always `set`: a cleared alarm is no longer active.
   */
  'alarm_state'?: (string);
  'entity_instance_id'?: (string);
  /**
   * When it was raised, RFC 3339 UTC with milliseconds.
   */
  'timestamp'?: (string);
  'severity'?: (string);
  'reason_text'?: (string);
  'proposed_repair_action'?: (string);
  'service_affecting'?: (boolean);
  'region'?: (string);
}

/**
 * An active alarm with every field FM shows.
 */
export interface AlarmDetail__Output {
  'uuid': (string);
  'alarm_id': (string);
  /**
   * Always `set`: a cleared alarm is no longer active.
   */
  'alarm_state': (string);
  'entity_instance_id': (string);
  /**
   * When it was raised, RFC 3339 UTC with milliseconds.
   */
  'timestamp': (string);
  'severity': (string);
  'reason_text': (string);
  'proposed_repair_action': (string);
  'service_affecting': (boolean);
  'region': (string);
}
