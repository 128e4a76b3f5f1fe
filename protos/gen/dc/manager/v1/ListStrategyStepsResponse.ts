// Original file: dc/manager/v1/manager.proto

import type { StrategyStep as _dc_manager_v1_StrategyStep, StrategyStep__Output as _dc_manager_v1_StrategyStep__Output } from '../../../dc/manager/v1/StrategyStep.js';

/**
 * Steps ordered by subcloud name.
 */
export interface ListStrategyStepsResponse {
  /**
   * The steps.
   */
  'steps'?: (_dc_manager_v1_StrategyStep)[];
}

/**
 * Steps ordered by subcloud name.
 */
export interface ListStrategyStepsResponse__Output {
  /**
   * The steps.
   */
  'steps': (_dc_manager_v1_StrategyStep__Output)[];
}
