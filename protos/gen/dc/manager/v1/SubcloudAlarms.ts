// Original file: dc/manager/v1/manager.proto

import type { SubcloudAlarmSummary as _dc_manager_v1_SubcloudAlarmSummary, SubcloudAlarmSummary__Output as _dc_manager_v1_SubcloudAlarmSummary__Output } from '../../../dc/manager/v1/SubcloudAlarmSummary.js';

/**
 * One subcloud's active alarms by severity.
 */
export interface SubcloudAlarms {
  'name'?: (string);
  'alarms'?: (_dc_manager_v1_SubcloudAlarmSummary | null);
}

/**
 * One subcloud's active alarms by severity.
 */
export interface SubcloudAlarms__Output {
  'name': (string);
  'alarms': (_dc_manager_v1_SubcloudAlarmSummary__Output | null);
}
