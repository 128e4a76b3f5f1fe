// Original file: dc/agent/v1/agent.proto


/**
 * Alarm counts by severity.
 */
export interface AlarmSummary {
  /**
   * Critical alarms.
   */
  'critical'?: (number);
  /**
   * Major alarms.
   */
  'major'?: (number);
  /**
   * Minor alarms.
   */
  'minor'?: (number);
  /**
   * Warning alarms.
   */
  'warning'?: (number);
}

/**
 * Alarm counts by severity.
 */
export interface AlarmSummary__Output {
  /**
   * Critical alarms.
   */
  'critical': (number);
  /**
   * Major alarms.
   */
  'major': (number);
  /**
   * Minor alarms.
   */
  'minor': (number);
  /**
   * Warning alarms.
   */
  'warning': (number);
}
