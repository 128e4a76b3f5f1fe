// Original file: dc/manager/v1/manager.proto


/**
 * `dcmanager alarm summary`.
 */
export interface GetAlarmSummaryRequest {
}

/**
 * `dcmanager alarm summary`.
 */
export interface GetAlarmSummaryRequest__Output {
}
