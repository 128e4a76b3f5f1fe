// Original file: dc/manager/v1/manager.proto


/**
 * `dcmanager strategy-step list`.
 */
export interface ListStrategyStepsRequest {
  /**
   * Also list the subclouds left out at create, as steps in state `skipped`.
   */
  'include_skipped'?: (boolean);
}

/**
 * `dcmanager strategy-step list`.
 */
export interface ListStrategyStepsRequest__Output {
  /**
   * Also list the subclouds left out at create, as steps in state `skipped`.
   */
  'include_skipped': (boolean);
}
