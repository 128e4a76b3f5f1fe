// Original file: dc/platform/v1/platform.proto

import type { Alarm as _dc_platform_v1_Alarm, Alarm__Output as _dc_platform_v1_Alarm__Output } from '../../../dc/platform/v1/Alarm.js';

/**
 * Active alarms, most severe first.
 */
export interface ListAlarmsResponse {
  /**
   * The alarms.
   */
  'alarms'?: (_dc_platform_v1_Alarm)[];
}

/**
 * Active alarms, most severe first.
 */
export interface ListAlarmsResponse__Output {
  /**
   * The alarms.
   */
  'alarms': (_dc_platform_v1_Alarm__Output)[];
}
