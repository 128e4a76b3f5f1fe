// Original file: dc/manager/v1/manager.proto


/**
 * Steps counted by state.
 */
export interface StepStateCount {
  /**
   * A step state (see StrategyStep.state).
   */
  'state'?: (string);
  /**
   * Steps in it.
   */
  'count'?: (number);
}

/**
 * Steps counted by state.
 */
export interface StepStateCount__Output {
  /**
   * A step state (see StrategyStep.state).
   */
  'state': (string);
  /**
   * Steps in it.
   */
  'count': (number);
}
