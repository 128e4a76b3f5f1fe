// Original file: dc/platform/v1/platform.proto


/**
 * `fm alarm-list`.
 */
export interface ListAlarmsRequest {
}

/**
 * `fm alarm-list`.
 */
export interface ListAlarmsRequest__Output {
}
