// Original file: dc/manager/v1/manager.proto


/**
 * `fm alarm-show UUID`.
 */
export interface GetAlarmRequest {
  'uuid'?: (string);
}

/**
 * `fm alarm-show UUID`.
 */
export interface GetAlarmRequest__Output {
  'uuid': (string);
}
