// Original file: dc/manager/v1/manager.proto

import type { SubcloudAlarms as _dc_manager_v1_SubcloudAlarms, SubcloudAlarms__Output as _dc_manager_v1_SubcloudAlarms__Output } from '../../../dc/manager/v1/SubcloudAlarms.js';

/**
 * Every subcloud, in name order.
 */
export interface GetAlarmSummaryResponse {
  'subclouds'?: (_dc_manager_v1_SubcloudAlarms)[];
}

/**
 * Every subcloud, in name order.
 */
export interface GetAlarmSummaryResponse__Output {
  'subclouds': (_dc_manager_v1_SubcloudAlarms__Output)[];
}
