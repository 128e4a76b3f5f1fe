// Original file: dc/manager/v1/manager.proto


/**
 * Alarm summary of a subcloud (`subcloud_alarms`).
 */
export interface SubcloudAlarmSummary {
  /**
   * Critical alarms on the subcloud.
   */
  'critical'?: (number);
  /**
   * Major alarms on the subcloud.
   */
  'major'?: (number);
  /**
   * Minor alarms on the subcloud.
   */
  'minor'?: (number);
  /**
   * Warning alarms on the subcloud.
   */
  'warnings'?: (number);
  /**
   * OK | degraded | critical.
   */
  'cloud_status'?: (string);
}

/**
 * Alarm summary of a subcloud (`subcloud_alarms`).
 */
export interface SubcloudAlarmSummary__Output {
  /**
   * Critical alarms on the subcloud.
   */
  'critical': (number);
  /**
   * Major alarms on the subcloud.
   */
  'major': (number);
  /**
   * Minor alarms on the subcloud.
   */
  'minor': (number);
  /**
   * Warning alarms on the subcloud.
   */
  'warnings': (number);
  /**
   * OK | degraded | critical.
   */
  'cloud_status': (string);
}
