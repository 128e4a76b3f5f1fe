// Original file: dc/manager/v1/manager.proto


/**
 * `dcmanager strategy-step show`.
 */
export interface GetStrategyStepRequest {
  /**
   * Subcloud name, region name or id.
   */
  'cloud'?: (string);
}

/**
 * `dcmanager strategy-step show`.
 */
export interface GetStrategyStepRequest__Output {
  /**
   * Subcloud name, region name or id.
   */
  'cloud': (string);
}
