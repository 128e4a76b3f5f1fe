// Original file: dc/manager/v1/manager.proto

import type { StepStateCount as _dc_manager_v1_StepStateCount, StepStateCount__Output as _dc_manager_v1_StepStateCount__Output } from '../../../dc/manager/v1/StepStateCount.js';

/**
 * The one network strategy.
 */
export interface NetworkStrategy {
  /**
   * Unique id; the change ids sent to agents start with it.
   */
  'uuid'?: (string);
  /**
   * Always `network`.
   */
  'type'?: (string);
  /**
   * initial | applying | abort requested | aborting | complete | failed | aborted | deleting.
   */
  'state'?: (string);
  /**
   * parallel | serial.
   */
  'subcloud_apply_type'?: (string);
  /**
   * Steps in flight at most.
   */
  'max_parallel_subclouds'?: (number);
  /**
   * True when the first failure stops new steps.
   */
  'stop_on_failure'?: (boolean);
  /**
   * add | remove.
   */
  'plan_kind'?: (string);
  /**
   * The group the strategy was created for; empty: none.
   */
  'group'?: (string);
  /**
   * The one subcloud the strategy was created for; empty: the whole fleet or a group.
   */
  'subcloud'?: (string);
  /**
   * Steps counted by state, every state with at least one step.
   */
  'step_counts'?: (_dc_manager_v1_StepStateCount)[];
  /**
   * Steps whose dry run was refused; apply refuses to start while any is.
   */
  'refused_steps'?: (number);
  /**
   * Subclouds left out at create (listed by ListStrategySteps with include_skipped).
   */
  'skipped_subclouds'?: (number);
  /**
   * Creation time.
   */
  'created_at'?: (string);
  /**
   * Last update time; empty when never updated.
   */
  'updated_at'?: (string);
  /**
   * Why the strategy failed or was aborted; empty otherwise.
   */
  'details'?: (string);
  /**
   * Steps that take part (skipped subclouds excluded).
   */
  'total_steps'?: (number);
}

/**
 * The one network strategy.
 */
export interface NetworkStrategy__Output {
  /**
   * Unique id; the change ids sent to agents start with it.
   */
  'uuid': (string);
  /**
   * Always `network`.
   */
  'type': (string);
  /**
   * initial | applying | abort requested | aborting | complete | failed | aborted | deleting.
   */
  'state': (string);
  /**
   * parallel | serial.
   */
  'subcloud_apply_type': (string);
  /**
   * Steps in flight at most.
   */
  'max_parallel_subclouds': (number);
  /**
   * True when the first failure stops new steps.
   */
  'stop_on_failure': (boolean);
  /**
   * add | remove.
   */
  'plan_kind': (string);
  /**
   * The group the strategy was created for; empty: none.
   */
  'group': (string);
  /**
   * The one subcloud the strategy was created for; empty: the whole fleet or a group.
   */
  'subcloud': (string);
  /**
   * Steps counted by state, every state with at least one step.
   */
  'step_counts': (_dc_manager_v1_StepStateCount__Output)[];
  /**
   * Steps whose dry run was refused; apply refuses to start while any is.
   */
  'refused_steps': (number);
  /**
   * Subclouds left out at create (listed by ListStrategySteps with include_skipped).
   */
  'skipped_subclouds': (number);
  /**
   * Creation time.
   */
  'created_at': (string);
  /**
   * Last update time; empty when never updated.
   */
  'updated_at': (string);
  /**
   * Why the strategy failed or was aborted; empty otherwise.
   */
  'details': (string);
  /**
   * Steps that take part (skipped subclouds excluded).
   */
  'total_steps': (number);
}
